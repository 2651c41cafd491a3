/**
 * The indexer: a lane per document kind (events, alerts), each a consumer group on its topic with its
 * own bulk writer, writing every message's document into Elasticsearch with the bulk API (`_id` =
 * event or alert id, `create`: idempotent), and committing a batch only once every document in it is
 * written, already there, or dead-lettered. Alerts have their own lane so that they never wait
 * behind a large events bulk, and are refreshed on write (`VIGIL_INDEXER_ALERTS_REFRESH`): an
 * analyst paged for an alert must find it.
 * When Elasticsearch is down the bulk retries run out, the batch fails retriably and the consumer
 * hands it again with backoff, uncommitted: consumption pauses and resumes by itself.
 */
import { isUtf8 } from 'node:buffer';
import { createLogger, isRetriable, retry, type Logger } from '@vigil/core';
import {
  createBulkIndexer,
  createElasticClient,
  ensureIndexTemplates,
  IndexNames,
  type BulkDocument,
  type BulkIndexer,
  type Client,
} from '@vigil/elastic';
import {
  createAdmin,
  createConsumer,
  createKafkaClient,
  createProducer,
  type BatchHandler,
  type Kafka,
  type OutgoingMessage,
  type VigilConsumer,
  consumerTuning,
} from '@vigil/kafka';
import type { DeadLetter } from '@vigil/schema';
import type { IndexerConfig } from '../config/indexer-config.js';
import { toBulkDocument, type DocumentKind } from '../documents/to-bulk-document.js';
import type { HealthProbe, KafkaService } from '@vigil/service-http';
import { startHttpServer, type HttpServerHandle } from '@vigil/service-http';
import { IndexerMetrics } from '../metrics/indexer-metrics.js';
import { RetentionSweeper } from '../retention/retention-sweeper.js';

export interface IndexerDeps {
  readonly kafka?: Kafka;
  readonly elastic?: Client;
  readonly logger?: Logger;
  readonly metrics?: IndexerMetrics;
}

/** Indexer lifecycle: see `KafkaService`. */
export type Indexer = KafkaService<IndexerMetrics>;

const PRODUCE_RETRY = { retries: Number.MAX_SAFE_INTEGER, initialDelayMs: 200, maxDelayMs: 30_000 } as const;
/** An alert waits at most this long for others before its bulk request goes. */
const ALERT_FLUSH_MS = 20;
/** Elasticsearch may take a while to come up with the stack: templates must be in before any write. */
const TEMPLATE_RETRY = { retries: 60, initialDelayMs: 500, maxDelayMs: 5_000 } as const;

function deadLetter(
  code: string,
  reason: string,
  origin: { topic: string; partition: number; offset: string },
  original: Buffer | null,
): OutgoingMessage {
  const bytes = original ?? Buffer.alloc(0);
  const utf8 = isUtf8(bytes);
  const letter: DeadLetter = {
    '@timestamp': new Date().toISOString(),
    reason,
    code,
    stage: 'index',
    origin,
    original: utf8 ? bytes.toString('utf8') : bytes.toString('base64'),
    encoding: utf8 ? 'utf8' : 'base64',
  };
  return { key: null, value: JSON.stringify(letter), headers: { 'content-type': 'application/json' } };
}

/** One document kind's way in: its consumer group and its bulk writer. */
interface Lane {
  readonly kind: DocumentKind;
  readonly bulk: BulkIndexer;
  readonly consumer: VigilConsumer;
}

export function createIndexer(config: IndexerConfig, deps: IndexerDeps = {}): Indexer {
  const logger = deps.logger ?? createLogger({ name: 'vigil-indexer', level: config.logLevel });
  const kafka = deps.kafka ?? createKafkaClient(config.kafka, { logger });
  const elastic = deps.elastic ?? createElasticClient(config.elastic);
  const metrics = deps.metrics ?? new IndexerMetrics();
  const names = new IndexNames(config.elastic.indexPrefix);
  const producer = createProducer(kafka, { logger: logger.child({ component: 'producer' }) });
  const sweeper = new RetentionSweeper(
    elastic,
    {
      indexPrefix: config.elastic.indexPrefix,
      retentionDays: config.elastic.retentionDays,
      intervalMs: config.retentionIntervalMs,
    },
    logger.child({ component: 'retention' }),
    metrics,
  );

  const handlerFor =
    (kind: DocumentKind, bulk: BulkIndexer): BatchHandler =>
    async (batch, context) => {
      const started = performance.now();
      const docs: BulkDocument<Record<string, unknown>>[] = [];
      const sources: { offset: string; value: Buffer | null }[] = [];
      const dead: OutgoingMessage[] = [];
      const origin = (offset: string): { topic: string; partition: number; offset: string } => ({
        topic: batch.topic,
        partition: batch.partition,
        offset,
      });
      for (const message of batch.messages) {
        const result = toBulkDocument(kind, message.value, names);
        if (result.ok) {
          docs.push(result.doc);
          sources.push({ offset: message.offset, value: message.value });
        } else {
          dead.push(deadLetter(result.code, result.reason, origin(message.offset), message.value));
          metrics.deadLetters.inc({ family: kind, code: result.code });
        }
      }
      let report;
      try {
        report = await bulk.index(docs);
      } catch (error) {
        metrics.unavailable.inc();
        metrics.elasticUp.set(0);
        throw error;
      }
      metrics.elasticUp.set(1);
      for (const rejection of report.rejected) {
        const source = sources[docs.indexOf(rejection.doc)];
        const reason = `elasticsearch refused the document (${rejection.status}): ${rejection.reason}`;
        dead.push(deadLetter('es_rejected', reason, origin(source?.offset ?? '0'), source?.value ?? null));
        metrics.deadLetters.inc({ family: kind, code: 'es_rejected' });
      }
      if (dead.length > 0) {
        await retry(() => producer.send(config.topics.deadLetter, dead), {
          ...PRODUCE_RETRY,
          signal: context.signal,
          shouldRetry: (error) => isRetriable(error),
        });
      }
      metrics.documents.inc({ family: kind, outcome: 'indexed' }, report.indexed);
      metrics.documents.inc({ family: kind, outcome: 'duplicate' }, report.duplicates);
      metrics.batchSeconds.observe({ family: kind }, (performance.now() - started) / 1000);
    };

  const lane = (kind: DocumentKind, topic: string): Lane => {
    const alerts = kind === 'alerts';
    const bulk = createBulkIndexer(elastic, {
      logger: logger.child({ component: `bulk-${kind}` }),
      // Alerts are few: they go at once rather than waiting to fill a request.
      flushIntervalMs: alerts
        ? Math.min(config.bulk.flushIntervalMs, ALERT_FLUSH_MS)
        : config.bulk.flushIntervalMs,
      maxDocs: config.bulk.maxDocs,
      maxBytes: config.bulk.maxBytes,
      concurrency: config.bulk.concurrency,
      ...(alerts && config.alertsRefresh !== false ? { refresh: config.alertsRefresh } : {}),
    });
    const consumer = createConsumer(kafka, {
      // The events lane keeps the service's group name (and its committed offsets).
      groupId: alerts ? `${config.groupId}.alerts` : config.groupId,
      topics: [topic],
      handler: handlerFor(kind, bulk),
      logger: logger.child({ component: `consumer-${kind}` }),
      ...consumerTuning(config.consumer),
      // Elasticsearch away: back off up to 10 s between attempts, so it is written soon after it returns.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialDelayMs: 500, maxDelayMs: 10_000 },
      shutdownSignals: false,
    });
    return { kind, bulk, consumer };
  };
  const lanes: Lane[] = [];
  if (config.topics.events !== undefined) lanes.push(lane('events', config.topics.events));
  if (config.topics.alerts !== undefined) lanes.push(lane('alerts', config.topics.alerts));

  let templatesReady = false;
  let producerConnected = false;
  let failed: unknown;
  let stopping: Promise<void> | undefined;
  let http: HttpServerHandle | undefined;
  let healthTimer: NodeJS.Timeout | undefined;
  let elasticStatus = 'unknown';

  const checkElastic = async (): Promise<void> => {
    try {
      elasticStatus = (
        await elastic.cluster.health({ timeout: '2s' }, { requestTimeout: 3_000, maxRetries: 0 })
      ).status;
      metrics.elasticUp.set(1);
    } catch {
      elasticStatus = 'unreachable';
      metrics.elasticUp.set(0);
    }
  };

  const health = (): Record<string, unknown> => ({
    elasticsearch: elasticStatus,
    templates: templatesReady ? 'installed' : 'pending',
    producer: producerConnected ? 'connected' : 'disconnected',
    partitions: lanes.reduce((sum, l) => sum + l.consumer.assignedPartitions.length, 0),
    pendingDocs: lanes.reduce((sum, l) => sum + l.bulk.pendingDocs, 0),
    ...(failed === undefined ? {} : { error: failed instanceof Error ? failed.message : 'failed' }),
  });
  const probe: HealthProbe = {
    live: () => failed === undefined,
    ready: () => failed === undefined && stopping === undefined && templatesReady && producerConnected,
    detail: health,
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.exposition() }),
  };

  const done = Promise.all(lanes.map((l) => l.consumer.done)).then(
    () => undefined,
    (error: unknown) => {
      failed = error;
      throw error;
    },
  );
  done.catch(() => undefined);

  async function shutdown(): Promise<void> {
    if (healthTimer !== undefined) clearInterval(healthTimer);
    await Promise.all(lanes.map((l) => l.consumer.stop()));
    for (const l of lanes)
      await l.bulk
        .close()
        .catch((error: unknown) => logger.warn({ err: error, kind: l.kind }, 'bulk flush at stop failed'));
    await sweeper.stop();
    await producer
      .disconnect()
      .catch((error: unknown) => logger.warn({ err: error }, 'producer disconnect failed'));
    producerConnected = false;
    if (deps.elastic === undefined) await elastic.close();
    await http?.close();
    logger.info('indexer stopped');
  }

  return {
    async start() {
      try {
        http = await startHttpServer(config.http, probe, logger);
        await retry(
          () =>
            ensureIndexTemplates(elastic, {
              indexPrefix: config.elastic.indexPrefix,
              shards: config.elastic.shards,
              replicas: config.elastic.replicas,
            }),
          {
            ...TEMPLATE_RETRY,
            onRetry: (error) => logger.warn({ err: error }, 'cannot install index templates yet'),
          },
        );
        templatesReady = true;
        const spec = config.ensureTopics;
        if (spec !== false) {
          const admin = createAdmin(kafka, { logger: logger.child({ component: 'admin' }) });
          try {
            await retry(() => admin.ensureTopics([{ topic: config.topics.deadLetter, ...spec }]), {
              retries: 5,
            });
          } finally {
            await admin.disconnect();
          }
        }
        await retry(() => producer.connect(), { retries: 5 });
        producerConnected = true;
        for (const l of lanes) await l.consumer.start();
      } catch (error) {
        failed = error;
        await producer.disconnect().catch(() => undefined);
        await http?.close();
        throw error;
      }
      await checkElastic();
      healthTimer = setInterval(() => void checkElastic(), 5_000);
      sweeper.start();
      logger.info({ group: config.groupId, topics: config.topics }, 'indexer consuming');
    },
    stop() {
      stopping ??= shutdown();
      return stopping;
    },
    done,
    metrics,
    health,
    isReady: () => probe.ready(),
    get httpPort() {
      return http?.port;
    },
  };
}
