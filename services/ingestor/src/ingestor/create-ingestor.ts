/**
 * The Kafka wiring around the pure core: consumes the raw topics in a group, turns each partition
 * batch into events and dead letters (`processBatch`), produces them, and lets the consumer commit
 * the batch only after the produce is acknowledged — at-least-once, nothing lost on a crash.
 */
import { createLogger, retry, type Logger } from '@vigil/core';
import {
  createAdmin,
  createConsumer,
  createKafkaClient,
  createProducer,
  type Kafka,
  consumerTuning,
} from '@vigil/kafka';
import { createRedisConnection } from '@vigil/redis';
import { RAW_ROLES, type IngestorConfig } from '../config/ingestor-config.js';
import type { HealthProbe, KafkaService } from '@vigil/service-http';
import { startHttpServer, type HttpServerHandle } from '@vigil/service-http';
import { IngestorMetrics } from '../metrics/ingestor-metrics.js';
import { StreamParsers } from '../pipeline/stream-parsers.js';
import { RedisHeaderStore } from '../stream-state/redis-header-store.js';
import { createBatchHandler } from './batch-handler.js';
import type { EventSink } from './event-sink.js';

export interface IngestorDeps {
  /** A kafkajs client; by default one is made from `config.kafka`. */
  readonly kafka?: Kafka;
  readonly logger?: Logger;
  readonly metrics?: IngestorMetrics;
  /** Wraps the producer, e.g. to inject produce failures in tests. */
  readonly wrapSink?: (sink: EventSink) => EventSink;
}

/** Ingestor lifecycle: see `KafkaService`. */
export type Ingestor = KafkaService<IngestorMetrics>;

export function createIngestor(config: IngestorConfig, deps: IngestorDeps = {}): Ingestor {
  const logger = deps.logger ?? createLogger({ name: 'vigil-ingestor', level: config.logLevel });
  const kafka = deps.kafka ?? createKafkaClient(config.kafka, { logger });
  const metrics = deps.metrics ?? new IngestorMetrics();
  const producer = createProducer(kafka, {
    logger: logger.child({ component: 'producer' }),
    compression: config.producer.compression,
    lingerMs: config.producer.lingerMs,
    maxBatchMessages: config.producer.maxBatchMessages,
    maxBatchBytes: config.producer.maxBatchBytes,
    deliveryTimeoutMs: config.producer.deliveryTimeoutMs,
  });
  const sink: EventSink = deps.wrapSink === undefined ? producer : deps.wrapSink(producer);
  const redis =
    config.streamState.kind === 'redis'
      ? createRedisConnection(config.streamState.redis, { logger, name: 'vigil-ingestor' })
      : undefined;
  const parsers = new StreamParsers(
    config.parser,
    redis === undefined ? undefined : new RedisHeaderStore(redis.client),
    logger.child({ component: 'stream-headers' }),
  );
  const handler = createBatchHandler({ config, sink, parsers, metrics, logger });

  const consumer = createConsumer(kafka, {
    groupId: config.groupId,
    topics: RAW_ROLES.map((role) => config.topics.raw[role]),
    handler,
    logger: logger.child({ component: 'consumer' }),
    fromBeginning: config.consumer.fromBeginning,
    ...consumerTuning(config.consumer),
    // main.ts owns the signals: it also has the producer and the HTTP server to close.
    shutdownSignals: false,
    onPartitionsRevoked: (partitions) => {
      parsers.drop(partitions);
      metrics.forgetPartitions(partitions);
    },
  });

  let producerConnected = false;
  let failed: unknown;
  let stopping: Promise<void> | undefined;
  let http: HttpServerHandle | undefined;

  const probe: HealthProbe = {
    live: () => failed === undefined,
    ready: () =>
      failed === undefined &&
      stopping === undefined &&
      producerConnected &&
      consumer.assignedPartitions.length > 0,
    detail: () => ({
      producer: producerConnected ? 'connected' : 'disconnected',
      partitions: consumer.assignedPartitions.length,
      ...(failed === undefined ? {} : { error: failed instanceof Error ? failed.message : 'failed' }),
    }),
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.exposition() }),
  };

  const done = consumer.done.catch((error: unknown) => {
    failed = error;
    throw error;
  });
  done.catch(() => undefined);

  async function ensureTopics(spec: { partitions: number; replicationFactor: number }): Promise<void> {
    const admin = createAdmin(kafka, { logger: logger.child({ component: 'admin' }) });
    try {
      const topics = [
        ...RAW_ROLES.map((role) => config.topics.raw[role]),
        config.topics.events,
        config.topics.deadLetter,
      ];
      const result = await admin.ensureTopics(topics.map((topic) => ({ topic, ...spec })));
      if (result.created.length > 0) logger.info({ created: result.created }, 'created topics');
    } finally {
      await admin.disconnect();
    }
  }

  async function shutdown(): Promise<void> {
    // The consumer first: its last batch still needs the producer to finish and commit.
    await consumer.stop();
    await producer
      .disconnect()
      .catch((error: unknown) => logger.warn({ err: error }, 'producer disconnect failed'));
    producerConnected = false;
    await redis?.close().catch((error: unknown) => logger.warn({ err: error }, 'redis close failed'));
    await http?.close();
    logger.info('ingestor stopped');
  }

  return {
    async start() {
      try {
        http = await startHttpServer(config.http, probe, logger);
        const topicSpec = config.ensureTopics;
        if (topicSpec !== false) await retry(() => ensureTopics(topicSpec), { retries: 5 });
        await retry(() => sink.connect(), { retries: 5 });
        producerConnected = true;
        await consumer.start();
      } catch (error) {
        failed = error;
        await sink.disconnect().catch(() => undefined);
        await http?.close();
        throw error;
      }
      logger.info({ group: config.groupId, topics: config.topics }, 'ingestor consuming');
    },
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
    done,
    metrics,
    health: () => ({ live: probe.live(), ready: probe.ready(), ...probe.detail() }),
    isReady: () => probe.ready(),
    get httpPort() {
      return http?.port;
    },
  };
}
