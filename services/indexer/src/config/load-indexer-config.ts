import { ConfigError, loadConfig } from '@vigil/core';
import { loadElasticConfig } from '@vigil/elastic';
import { loadKafkaConfig } from '@vigil/kafka';
import type { IndexerConfig } from './indexer-config.js';
import { indexerEnvSchema } from './indexer-env.schema.js';

/** Reads `VIGIL_KAFKA_*`, `VIGIL_ES_*`, `VIGIL_INDEXER_*` and `VIGIL_LOG_LEVEL`; throws a ConfigError naming every bad variable. */
export function loadIndexerConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): IndexerConfig {
  const kafka = loadKafkaConfig(source);
  const elastic = loadElasticConfig(source);
  const vars = loadConfig(indexerEnvSchema, source);
  if (!vars.VIGIL_INDEXER_EVENTS && !vars.VIGIL_INDEXER_ALERTS) {
    throw new ConfigError(
      'Invalid configuration:\n  VIGIL_INDEXER_EVENTS and VIGIL_INDEXER_ALERTS are both false: nothing to index',
    );
  }
  const read = [vars.VIGIL_INDEXER_EVENTS_TOPIC, vars.VIGIL_INDEXER_ALERTS_TOPIC];
  if (read.includes(vars.VIGIL_INDEXER_DEADLETTER_TOPIC) || read[0] === read[1]) {
    throw new ConfigError(
      `Invalid configuration:\n  the events, alerts and dead-letter topics must differ (got ${[...read, vars.VIGIL_INDEXER_DEADLETTER_TOPIC].join(', ')})`,
    );
  }
  return {
    kafka,
    elastic,
    groupId: vars.VIGIL_INDEXER_GROUP,
    http: { host: vars.VIGIL_INDEXER_HTTP_HOST, port: vars.VIGIL_INDEXER_HTTP_PORT },
    topics: {
      ...(vars.VIGIL_INDEXER_EVENTS ? { events: vars.VIGIL_INDEXER_EVENTS_TOPIC } : {}),
      ...(vars.VIGIL_INDEXER_ALERTS ? { alerts: vars.VIGIL_INDEXER_ALERTS_TOPIC } : {}),
      deadLetter: vars.VIGIL_INDEXER_DEADLETTER_TOPIC,
    },
    bulk: {
      flushIntervalMs: vars.VIGIL_INDEXER_FLUSH_INTERVAL_MS,
      maxDocs: vars.VIGIL_INDEXER_BULK_MAX_DOCS,
      maxBytes: vars.VIGIL_INDEXER_BULK_MAX_BYTES,
      concurrency: vars.VIGIL_INDEXER_BULK_CONCURRENCY,
    },
    ensureTopics: vars.VIGIL_INDEXER_ENSURE_TOPICS
      ? {
          partitions: vars.VIGIL_INDEXER_TOPIC_PARTITIONS,
          replicationFactor: vars.VIGIL_INDEXER_REPLICATION_FACTOR,
        }
      : false,
    consumer: {
      partitionsConcurrently: vars.VIGIL_INDEXER_PARTITIONS_CONCURRENTLY,
      maxBytesPerPartition: vars.VIGIL_INDEXER_MAX_BYTES_PER_PARTITION,
      maxWaitMs: vars.VIGIL_INDEXER_MAX_WAIT_MS,
      sessionTimeoutMs: vars.VIGIL_INDEXER_SESSION_TIMEOUT_MS,
    },
    alertsRefresh:
      vars.VIGIL_INDEXER_ALERTS_REFRESH === 'wait_for'
        ? 'wait_for'
        : vars.VIGIL_INDEXER_ALERTS_REFRESH === 'true',
    retentionIntervalMs: vars.VIGIL_INDEXER_RETENTION_INTERVAL_MS,
    shutdownTimeoutMs: vars.VIGIL_INDEXER_SHUTDOWN_TIMEOUT_MS,
    logLevel: vars.VIGIL_LOG_LEVEL,
  };
}
