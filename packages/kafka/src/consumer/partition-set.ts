export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** Flattens kafkajs' `{ topic: [partitions] }` assignment, sorted for stable logs and tests. */
export function flattenAssignment(assignment: Readonly<Record<string, readonly number[]>>): TopicPartition[] {
  const list: TopicPartition[] = [];
  for (const [topic, partitions] of Object.entries(assignment)) {
    for (const partition of partitions) list.push({ topic, partition });
  }
  return list.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

export function partitionKey(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}

/** What changed between two assignments: partitions lost and partitions gained. */
export function diffAssignment(
  before: readonly TopicPartition[],
  after: readonly TopicPartition[],
): { revoked: TopicPartition[]; assigned: TopicPartition[] } {
  const had = new Set(before.map(partitionKey));
  const has = new Set(after.map(partitionKey));
  return {
    revoked: before.filter((tp) => !has.has(partitionKey(tp))),
    assigned: after.filter((tp) => !had.has(partitionKey(tp))),
  };
}

/** Groups partitions by topic, the shape kafkajs' pause/resume take. */
export function groupByTopic(
  partitions: readonly TopicPartition[],
): { topic: string; partitions: number[] }[] {
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    const list = byTopic.get(topic);
    if (list === undefined) byTopic.set(topic, [partition]);
    else list.push(partition);
  }
  return [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
}

/** The offset to commit after processing `offset`: Kafka commits the next offset to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
