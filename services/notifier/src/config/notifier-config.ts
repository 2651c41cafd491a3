import { env, loadConfig } from '@vigil/core';
import { TOPICS } from '@vigil/schema';
import { z } from 'zod';

/** The notifier's environment (Kafka's own VIGIL_KAFKA_* variables are read by @vigil/kafka). */
export const notifierEnvSchema = z.object({
  /** Health and Prometheus metrics. */
  VIGIL_NOTIFIER_PORT: env.port(9466),
  VIGIL_ROUTING_FILE: z.string().min(1).default('deploy/config/routing.yml'),
  /**
   * `redis`: state in Redis, incidents and the delivery log in Elasticsearch (VIGIL_REDIS_*,
   * VIGIL_ES_*). `memory`: everything in process, lost on restart (demos, tests).
   */
  VIGIL_NOTIFIER_STATE: z.enum(['redis', 'memory']).default('redis'),
  /** The Redis hash the API keeps silences in (id → silence JSON). */
  VIGIL_NOTIFIER_SILENCES_KEY: z.string().min(1).default('silences'),
  /** Create vigil.alerts and vigil.incidents when missing (same defaults as the ingestor). */
  VIGIL_NOTIFIER_ENSURE_TOPICS: env.bool(true),
  VIGIL_NOTIFIER_TOPIC_PARTITIONS: env.int(6, 1),
  VIGIL_NOTIFIER_REPLICATION_FACTOR: env.int(1, 1),
  VIGIL_NOTIFIER_ALERTS_TOPIC: z.string().min(1).default(TOPICS.alerts),
  VIGIL_NOTIFIER_INCIDENTS_TOPIC: z.string().min(1).default(TOPICS.incidents),
  VIGIL_NOTIFIER_GROUP_ID: z.string().min(1).default('vigil-notifier'),
  VIGIL_NOTIFIER_TICK_MS: env.int(1_000, 50),
  /**
   * With Redis state, one instance is active and the others stand by (a lease in Redis named after
   * the group): how long a crashed active instance keeps a standby waiting.
   */
  VIGIL_NOTIFIER_LEASE_TTL_MS: env.int(15_000, 500),
  /** Give up on a notification still undelivered after this long. */
  VIGIL_NOTIFIER_OUTBOX_MAX_AGE_MS: env.int(86_400_000, 60_000),
  VIGIL_INCIDENT_WINDOW_MS: env.int(3_600_000, 1_000),
  VIGIL_INCIDENT_ENTITY_FIELDS: env.list('source.ip,user.name,host.hostname'),
  VIGIL_CONSOLE_URL: z.url().optional(),
  VIGIL_SMTP_HOST: z.string().optional(),
  VIGIL_SMTP_PORT: env.port(587),
  VIGIL_SMTP_SECURE: env.bool(false),
  VIGIL_SMTP_USER: z.string().optional(),
  VIGIL_SMTP_PASSWORD: z.string().optional(),
  VIGIL_SMTP_FROM: z.string().default('vigil@localhost'),
});

export type NotifierEnv = z.infer<typeof notifierEnvSchema>;

export function loadNotifierConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): NotifierEnv {
  return loadConfig(notifierEnvSchema, source);
}
