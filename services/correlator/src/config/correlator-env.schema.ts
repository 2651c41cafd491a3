import { env } from '@vigil/core';
import { TOPICS } from '@vigil/schema';
import { z } from 'zod';

const topicName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,249}$/, 'not a valid Kafka topic name')
    .default(fallback);

/**
 * The correlator's own environment variables (Kafka and Redis connection variables are
 * `kafkaEnvSchema`'s and `redisEnvSchema`'s). See the README's configuration table.
 */
export const correlatorEnvSchema = z.object({
  VIGIL_CORRELATOR_GROUP: z.string().min(1).default('vigil-correlator'),
  VIGIL_CORRELATOR_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIL_CORRELATOR_HTTP_PORT: env.port(8082),
  VIGIL_CORRELATOR_EVENTS_TOPIC: topicName(TOPICS.events),
  VIGIL_CORRELATOR_ALERTS_TOPIC: topicName(TOPICS.alerts),
  VIGIL_CORRELATOR_LATE_TOPIC: topicName(TOPICS.late),
  VIGIL_CORRELATOR_DEADLETTER_TOPIC: topicName(TOPICS.deadLetter),
  VIGIL_CORRELATOR_REPARTITION_TOPIC: topicName('vigil.correlator.repartition'),
  VIGIL_CORRELATOR_REPARTITION_PARTITIONS: env.int(6, 1),
  /** Long enough to replay from the oldest checkpoint a restart may need (default 7 days). */
  VIGIL_CORRELATOR_REPARTITION_RETENTION_MS: env.int(7 * 86_400_000, 60_000),
  VIGIL_CORRELATOR_ENSURE_TOPICS: env.bool(true),
  /** Partitions of the topics the correlator creates when missing (not the repartition topic's). */
  VIGIL_CORRELATOR_TOPIC_PARTITIONS: env.int(6, 1),
  VIGIL_CORRELATOR_REPLICATION_FACTOR: env.int(1, 1),
  /** Rule files or folders (comma-separated); empty = the starter pack. */
  VIGIL_CORRELATOR_RULES: env.list(''),
  /** Placeholder list files or folders; empty = `<folder>/lists` of each rules folder. */
  VIGIL_CORRELATOR_LISTS: env.list(''),
  VIGIL_CORRELATOR_WATCH_RULES: env.bool(true),
  VIGIL_CORRELATOR_LATENESS_MS: env.int(5_000, 0),
  /** An upstream partition caught up and quiet this long stops holding the watermark back. */
  VIGIL_CORRELATOR_IDLE_AFTER_MS: env.int(30_000, 100),
  VIGIL_CORRELATOR_MARKER_INTERVAL_MS: env.int(1_000, 10),
  VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: env.int(5_000, 10),
  /** Also checkpoint a partition after this many applied records. */
  VIGIL_CORRELATOR_CHECKPOINT_RECORDS: env.int(50_000, 1),
  /** Checkpoints not saved again within this time vanish from Redis (0 = keep). */
  VIGIL_CORRELATOR_CHECKPOINT_TTL_MS: env.int(14 * 86_400_000, 0),
  VIGIL_CORRELATOR_MAX_KEYS: env.int(1_000_000, 1),
  /**
   * new_terms rules learn for their history from this event time (ISO 8601) on, in every partition
   * alike, as `vigil replay --learn-from` does. Unset: each partition learns from its first match.
   */
  VIGIL_CORRELATOR_NEW_TERMS_LEARN_FROM: z.iso.datetime({ offset: true }).optional(),
  VIGIL_CORRELATOR_MAX_EVIDENCE: env.int(100, 1),
  /** Where a new stage-1 group starts on the events topic: its start (true) or its end. */
  VIGIL_CORRELATOR_FROM_BEGINNING: env.bool(true),
  VIGIL_CORRELATOR_PARTITIONS_CONCURRENTLY: env.int(3, 1),
  VIGIL_CORRELATOR_MAX_BYTES_PER_PARTITION: env.int(1_048_576, 1024),
  VIGIL_CORRELATOR_MAX_WAIT_MS: env.int(200, 0),
  VIGIL_CORRELATOR_SESSION_TIMEOUT_MS: env.int(30_000, 6_000),
  VIGIL_CORRELATOR_COMPRESSION: z.enum(['gzip', 'none']).default('gzip'),
  VIGIL_CORRELATOR_PRODUCE_LINGER_MS: env.int(5, 0),
  VIGIL_CORRELATOR_DELIVERY_TIMEOUT_MS: env.int(120_000, 1_000),
  VIGIL_CORRELATOR_SHUTDOWN_TIMEOUT_MS: env.int(30_000, 1_000),
  VIGIL_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

export type CorrelatorEnv = z.infer<typeof correlatorEnvSchema>;
