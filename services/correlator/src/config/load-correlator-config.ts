import { ConfigError, loadConfig } from '@vigil/core';
import { loadKafkaConfig } from '@vigil/kafka';
import { loadRedisConfig } from '@vigil/redis';
import type { CorrelatorConfig } from './correlator-config.js';
import { correlatorEnvSchema } from './correlator-env.schema.js';

/** Reads `VIGIL_KAFKA_*`, `VIGIL_REDIS_*`, `VIGIL_CORRELATOR_*` and `VIGIL_LOG_LEVEL`; throws a ConfigError naming every bad variable. */
export function loadCorrelatorConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): CorrelatorConfig {
  const kafka = loadKafkaConfig(source);
  const redis = loadRedisConfig(source);
  const vars = loadConfig(correlatorEnvSchema, source);
  const topics = {
    events: vars.VIGIL_CORRELATOR_EVENTS_TOPIC,
    alerts: vars.VIGIL_CORRELATOR_ALERTS_TOPIC,
    late: vars.VIGIL_CORRELATOR_LATE_TOPIC,
    deadLetter: vars.VIGIL_CORRELATOR_DEADLETTER_TOPIC,
    repartition: vars.VIGIL_CORRELATOR_REPARTITION_TOPIC,
  };
  const outputs = [topics.alerts, topics.late, topics.deadLetter, topics.repartition];
  if (
    outputs.includes(topics.events) ||
    new Set([topics.alerts, topics.late, topics.repartition]).size !== 3
  ) {
    // Reading our own output would loop; alerts mixed with copies would be misread.
    throw new ConfigError(
      `Invalid configuration:\n  the events, alerts, late and repartition topics must differ (got ${Object.values(topics).join(', ')})`,
    );
  }
  return {
    kafka,
    redis,
    groupId: vars.VIGIL_CORRELATOR_GROUP,
    http: { host: vars.VIGIL_CORRELATOR_HTTP_HOST, port: vars.VIGIL_CORRELATOR_HTTP_PORT },
    topics,
    repartition: {
      partitions: vars.VIGIL_CORRELATOR_REPARTITION_PARTITIONS,
      retentionMs: vars.VIGIL_CORRELATOR_REPARTITION_RETENTION_MS,
    },
    ensureTopics: vars.VIGIL_CORRELATOR_ENSURE_TOPICS
      ? {
          partitions: vars.VIGIL_CORRELATOR_TOPIC_PARTITIONS,
          replicationFactor: vars.VIGIL_CORRELATOR_REPLICATION_FACTOR,
        }
      : false,
    rules: {
      paths: vars.VIGIL_CORRELATOR_RULES,
      ...(vars.VIGIL_CORRELATOR_LISTS.length === 0 ? {} : { lists: vars.VIGIL_CORRELATOR_LISTS }),
      watch: vars.VIGIL_CORRELATOR_WATCH_RULES,
      cwd,
    },
    time: {
      latenessMs: vars.VIGIL_CORRELATOR_LATENESS_MS,
      idleAfterMs: vars.VIGIL_CORRELATOR_IDLE_AFTER_MS,
      markerIntervalMs: vars.VIGIL_CORRELATOR_MARKER_INTERVAL_MS,
    },
    checkpoint: {
      intervalMs: vars.VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS,
      records: vars.VIGIL_CORRELATOR_CHECKPOINT_RECORDS,
      ttlMs: vars.VIGIL_CORRELATOR_CHECKPOINT_TTL_MS,
    },
    engine: {
      maxKeys: vars.VIGIL_CORRELATOR_MAX_KEYS,
      maxEvidence: vars.VIGIL_CORRELATOR_MAX_EVIDENCE,
      ...(vars.VIGIL_CORRELATOR_NEW_TERMS_LEARN_FROM === undefined
        ? {}
        : { newTermsLearnFromMs: Date.parse(vars.VIGIL_CORRELATOR_NEW_TERMS_LEARN_FROM) }),
    },
    consumer: {
      fromBeginning: vars.VIGIL_CORRELATOR_FROM_BEGINNING,
      partitionsConcurrently: vars.VIGIL_CORRELATOR_PARTITIONS_CONCURRENTLY,
      maxBytesPerPartition: vars.VIGIL_CORRELATOR_MAX_BYTES_PER_PARTITION,
      maxWaitMs: vars.VIGIL_CORRELATOR_MAX_WAIT_MS,
      sessionTimeoutMs: vars.VIGIL_CORRELATOR_SESSION_TIMEOUT_MS,
    },
    producer: {
      compression: vars.VIGIL_CORRELATOR_COMPRESSION,
      lingerMs: vars.VIGIL_CORRELATOR_PRODUCE_LINGER_MS,
      deliveryTimeoutMs: vars.VIGIL_CORRELATOR_DELIVERY_TIMEOUT_MS,
    },
    shutdownTimeoutMs: vars.VIGIL_CORRELATOR_SHUTDOWN_TIMEOUT_MS,
    logLevel: vars.VIGIL_LOG_LEVEL,
  };
}
