import { env } from '@vigil/core';
import { TOPICS } from '@vigil/schema';
import { z } from 'zod';

const topicName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, 'not a valid Kafka topic name')
    .default(fallback);

/**
 * The ingestor's own environment variables (Kafka connection variables are `kafkaEnvSchema`'s).
 * Keys are the variable names; see the README's config table for what each one tunes.
 */
export const ingestorEnvSchema = z.object({
  VIGIL_INGESTOR_GROUP: z.string().min(1).default('vigil-ingestor'),
  VIGIL_INGESTOR_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIL_INGESTOR_HTTP_PORT: env.port(8081),
  VIGIL_INGESTOR_RAW_HOST_TOPIC: topicName(TOPICS.rawHost),
  VIGIL_INGESTOR_RAW_NETWORK_TOPIC: topicName(TOPICS.rawNetwork),
  VIGIL_INGESTOR_RAW_ADMIN_TOPIC: topicName(TOPICS.rawAdmin),
  VIGIL_INGESTOR_EVENTS_TOPIC: topicName(TOPICS.events),
  VIGIL_INGESTOR_DEADLETTER_TOPIC: topicName(TOPICS.deadLetter),
  VIGIL_INGESTOR_ENSURE_TOPICS: env.bool(true),
  VIGIL_INGESTOR_TOPIC_PARTITIONS: env.int(6, 1),
  VIGIL_INGESTOR_REPLICATION_FACTOR: env.int(1, 1),
  VIGIL_INGESTOR_FROM_BEGINNING: env.bool(true),
  VIGIL_INGESTOR_PARTITIONS_CONCURRENTLY: env.int(3, 1),
  VIGIL_INGESTOR_MAX_BYTES_PER_PARTITION: env.int(1_048_576, 1024),
  VIGIL_INGESTOR_MAX_WAIT_MS: env.int(500, 0),
  VIGIL_INGESTOR_SESSION_TIMEOUT_MS: env.int(30_000, 6_000),
  VIGIL_INGESTOR_COMPRESSION: z.enum(['gzip', 'none']).default('gzip'),
  VIGIL_INGESTOR_PRODUCE_LINGER_MS: env.int(5, 0),
  VIGIL_INGESTOR_PRODUCE_MAX_BATCH_MESSAGES: env.int(10_000, 1),
  VIGIL_INGESTOR_PRODUCE_MAX_BATCH_BYTES: env.int(900_000, 1024),
  VIGIL_INGESTOR_DELIVERY_TIMEOUT_MS: env.int(120_000, 1_000),
  VIGIL_INGESTOR_MAX_LINE_BYTES: env.int(64 * 1024, 256),
  VIGIL_INGESTOR_DEADLETTER_MAX_BYTES: env.int(256 * 1024, 1024),
  /**
   * `redis`: keep each raw partition's Zeek TSV header lines in Redis (VIGIL_REDIS_*), so a restart
   * or a rebalance between a header and its data lines dead-letters nothing. `none`: no Redis.
   */
  VIGIL_INGESTOR_STREAM_STATE: z.enum(['none', 'redis']).default('none'),
  VIGIL_INGESTOR_WEB_FLAVOR: z.enum(['nginx', 'apache']).optional(),
  VIGIL_INGESTOR_SHUTDOWN_TIMEOUT_MS: env.int(30_000, 1_000),
  VIGIL_SYSLOG_TIMEZONE: z.string().min(1).default('UTC'),
  VIGIL_SYSLOG_YEAR: z.coerce.number().int().min(1970).max(9999).optional(),
  VIGIL_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type IngestorEnv = z.infer<typeof ingestorEnvSchema>;
