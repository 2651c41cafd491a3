/**
 * Helpers for the indexer's integration tests, against the real local stack: unique topics, group
 * and index prefix per test, counting documents, collecting a topic.
 */
import type { Client } from '@vigil/elastic';
import { uniqueIndexPrefix } from '@vigil/elastic/testing';
import { serviceOutage, stackEndpoints, uniqueName, type Outage } from '@vigil/testing';

/** Environment for an indexer on unique topics, group and index prefix. */
export function indexerTestEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  const base = uniqueName(prefix);
  return {
    VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
    VIGIL_KAFKA_CLIENT_ID: base,
    VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
    VIGIL_ES_INDEX_PREFIX: uniqueIndexPrefix(),
    VIGIL_INDEXER_GROUP: `${base}-indexer`,
    VIGIL_INDEXER_EVENTS_TOPIC: `${base}.events`,
    VIGIL_INDEXER_ALERTS_TOPIC: `${base}.alerts`,
    VIGIL_INDEXER_DEADLETTER_TOPIC: `${base}.deadletter`,
    VIGIL_INDEXER_HTTP_HOST: '127.0.0.1',
    VIGIL_INDEXER_HTTP_PORT: '0',
    VIGIL_INDEXER_MAX_WAIT_MS: '100',
    VIGIL_INDEXER_SESSION_TIMEOUT_MS: '6000',
    VIGIL_INDEXER_RETENTION_INTERVAL_MS: '0',
    VIGIL_LOG_LEVEL: process.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    ...extra,
  };
}

/** Documents in the indices matching `pattern` (after a refresh, so recent writes count). */
export async function countDocuments(client: Client, pattern: string): Promise<number> {
  await client.indices.refresh({ index: pattern, ignore_unavailable: true, allow_no_indices: true });
  return (await client.count({ index: pattern, ignore_unavailable: true, allow_no_indices: true })).count;
}

/** Elasticsearch taken away from the indexer (see `serviceOutage`). */
export function elasticOutage(): Promise<Outage> {
  return serviceOutage('elasticsearch');
}
