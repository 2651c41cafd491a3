import { ConfigError, loadConfig } from '@vigil/core';
import { loadKafkaConfig } from '@vigil/kafka';
import { loadRedisConfig } from '@vigil/redis';
import { createLineParser } from '@vigil/parsers';
import type { IngestorConfig } from './ingestor-config.js';
import { ingestorEnvSchema } from './ingestor-env.schema.js';

/**
 * Reads `VIGIL_KAFKA_*`, `VIGIL_INGESTOR_*`, `VIGIL_SYSLOG_*` and `VIGIL_LOG_LEVEL`. Throws a
 * ConfigError naming every bad variable; an unknown time zone fails here, not on the first line.
 */
export function loadIngestorConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): IngestorConfig {
  const kafka = loadKafkaConfig(source);
  const vars = loadConfig(ingestorEnvSchema, source);
  const raw = {
    host: vars.VIGIL_INGESTOR_RAW_HOST_TOPIC,
    network: vars.VIGIL_INGESTOR_RAW_NETWORK_TOPIC,
    admin: vars.VIGIL_INGESTOR_RAW_ADMIN_TOPIC,
  };
  const all = [...Object.values(raw), vars.VIGIL_INGESTOR_EVENTS_TOPIC, vars.VIGIL_INGESTOR_DEADLETTER_TOPIC];
  if (new Set(all).size !== all.length) {
    // The role of a raw topic steers parsing, and reading our own output would loop.
    throw new ConfigError(
      `Invalid configuration:\n  the five VIGIL_INGESTOR_*_TOPIC names must differ (got ${all.join(', ')})`,
    );
  }
  const parser = {
    timezone: vars.VIGIL_SYSLOG_TIMEZONE,
    maxLineBytes: vars.VIGIL_INGESTOR_MAX_LINE_BYTES,
    ...(vars.VIGIL_SYSLOG_YEAR === undefined ? {} : { year: vars.VIGIL_SYSLOG_YEAR }),
    ...(vars.VIGIL_INGESTOR_WEB_FLAVOR === undefined ? {} : { webFlavor: vars.VIGIL_INGESTOR_WEB_FLAVOR }),
  };
  try {
    createLineParser({ timezone: parser.timezone });
  } catch (cause) {
    throw new ConfigError(
      `Invalid configuration:\n  VIGIL_SYSLOG_TIMEZONE: not an IANA time zone (got ${JSON.stringify(parser.timezone)})`,
      cause,
    );
  }
  return {
    kafka,
    groupId: vars.VIGIL_INGESTOR_GROUP,
    http: { host: vars.VIGIL_INGESTOR_HTTP_HOST, port: vars.VIGIL_INGESTOR_HTTP_PORT },
    topics: {
      raw,
      events: vars.VIGIL_INGESTOR_EVENTS_TOPIC,
      deadLetter: vars.VIGIL_INGESTOR_DEADLETTER_TOPIC,
    },
    ensureTopics: vars.VIGIL_INGESTOR_ENSURE_TOPICS
      ? {
          partitions: vars.VIGIL_INGESTOR_TOPIC_PARTITIONS,
          replicationFactor: vars.VIGIL_INGESTOR_REPLICATION_FACTOR,
        }
      : false,
    consumer: {
      fromBeginning: vars.VIGIL_INGESTOR_FROM_BEGINNING,
      partitionsConcurrently: vars.VIGIL_INGESTOR_PARTITIONS_CONCURRENTLY,
      maxBytesPerPartition: vars.VIGIL_INGESTOR_MAX_BYTES_PER_PARTITION,
      maxWaitMs: vars.VIGIL_INGESTOR_MAX_WAIT_MS,
      sessionTimeoutMs: vars.VIGIL_INGESTOR_SESSION_TIMEOUT_MS,
    },
    producer: {
      compression: vars.VIGIL_INGESTOR_COMPRESSION,
      lingerMs: vars.VIGIL_INGESTOR_PRODUCE_LINGER_MS,
      maxBatchMessages: vars.VIGIL_INGESTOR_PRODUCE_MAX_BATCH_MESSAGES,
      maxBatchBytes: vars.VIGIL_INGESTOR_PRODUCE_MAX_BATCH_BYTES,
      deliveryTimeoutMs: vars.VIGIL_INGESTOR_DELIVERY_TIMEOUT_MS,
    },
    parser,
    streamState:
      vars.VIGIL_INGESTOR_STREAM_STATE === 'redis'
        ? { kind: 'redis', redis: loadRedisConfig(source) }
        : { kind: 'none' },
    deadLetterMaxBytes: vars.VIGIL_INGESTOR_DEADLETTER_MAX_BYTES,
    shutdownTimeoutMs: vars.VIGIL_INGESTOR_SHUTDOWN_TIMEOUT_MS,
    logLevel: vars.VIGIL_LOG_LEVEL,
  };
}
