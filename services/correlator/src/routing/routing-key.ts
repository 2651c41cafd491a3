import type { GroupValue } from '@vigil/rule-engine';

/**
 * The Kafka key of an event copy on the repartition topic: family and group values, so every key of
 * a family hashes to one partition, and two families never share a key.
 */
export function routingKey(family: string, values: readonly GroupValue[]): string {
  return `${family}|${JSON.stringify(values)}`;
}
