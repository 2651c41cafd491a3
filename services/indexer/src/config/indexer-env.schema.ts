import { env } from '@vigil/core';
import { TOPICS } from '@vigil/schema';
import { z } from 'zod';

const topicName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, 'not a valid Kafka topic name')
    .default(fallback);

/**
 * The indexer's own environment variables (Kafka and Elasticsearch connection, index prefix and
 * retention variables are `kafkaEnvSchema`'s and `elasticEnvSchema`'s). See the README.
 */
export const indexerEnvSchema = z.object({
  VIGIL_INDEXER_GROUP: z.string().min(1).default('vigil-indexer'),
  VIGIL_INDEXER_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIL_INDEXER_HTTP_PORT: env.port(8083),
  VIGIL_INDEXER_EVENTS_TOPIC: topicName(TOPICS.events),
  VIGIL_INDEXER_ALERTS_TOPIC: topicName(TOPICS.alerts),
  VIGIL_INDEXER_DEADLETTER_TOPIC: topicName(TOPICS.deadLetter),
  /** Index events (`vigil-events-*`); off for a deployment that only keeps alerts. */
  VIGIL_INDEXER_EVENTS: env.bool(true),
  VIGIL_INDEXER_ALERTS: env.bool(true),
  /** Longest a document waits for others before its bulk request goes (alerting latency). */
  VIGIL_INDEXER_FLUSH_INTERVAL_MS: z.coerce.number().int().min(1).max(500).default(200),
  /**
   * `true`: every alerts bulk request refreshes what it wrote, so an alert is searchable as soon as it
   * is indexed (alerts are few; events keep the index's 1 s refresh). `wait_for` or `false` to spare
   * the cluster under alert storms.
   */
  VIGIL_INDEXER_ALERTS_REFRESH: z.enum(['true', 'false', 'wait_for']).default('true'),
  VIGIL_INDEXER_BULK_MAX_DOCS: env.int(2_000, 1),
  VIGIL_INDEXER_BULK_MAX_BYTES: env.int(5_000_000, 1_024),
  VIGIL_INDEXER_BULK_CONCURRENCY: env.int(2, 1),
  VIGIL_INDEXER_ENSURE_TOPICS: env.bool(true),
  VIGIL_INDEXER_TOPIC_PARTITIONS: env.int(6, 1),
  VIGIL_INDEXER_REPLICATION_FACTOR: env.int(1, 1),
  VIGIL_INDEXER_PARTITIONS_CONCURRENTLY: env.int(3, 1),
  VIGIL_INDEXER_MAX_BYTES_PER_PARTITION: env.int(1_048_576, 1_024),
  VIGIL_INDEXER_MAX_WAIT_MS: env.int(200, 0),
  VIGIL_INDEXER_SESSION_TIMEOUT_MS: env.int(30_000, 6_000),
  /** Delete daily indices past `VIGIL_ES_RETENTION_*_DAYS`, checked this often (0 = never). */
  VIGIL_INDEXER_RETENTION_INTERVAL_MS: env.int(3_600_000, 0),
  VIGIL_INDEXER_SHUTDOWN_TIMEOUT_MS: env.int(30_000, 1_000),
  VIGIL_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type IndexerEnv = z.infer<typeof indexerEnvSchema>;
