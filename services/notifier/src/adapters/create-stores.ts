import type { Logger } from '@vigil/core';
import {
  createBulkIndexer,
  createElasticClient,
  createIncidentStore,
  ensureIndexTemplates,
  loadElasticConfig,
} from '@vigil/elastic';
import { createRedisConnection, LeaseManager, loadRedisConfig } from '@vigil/redis';
import { MemoryIncidentStore } from '../memory/memory-incident-store.js';
import { MemoryNotifierState } from '../memory/memory-notifier-state.js';
import type { IncidentStore } from '../ports/incident-store.js';
import type { NotificationLogSink } from '../ports/notification-log-sink.js';
import type { NotifierState } from '../ports/notifier-state.js';
import { ElasticIncidentStore } from './elastic-incident-store.js';
import { ElasticNotificationLog } from './elastic-notification-log.js';
import { RedisNotifierState } from './redis-notifier-state.js';

export interface Stores {
  readonly store: IncidentStore;
  readonly state: NotifierState;
  readonly logSink: NotificationLogSink;
  /** Leases for active/standby, when the state is shared (Redis). */
  readonly leases?: LeaseManager;
  close(): Promise<void>;
}

/** The notifier's stores: Redis and Elasticsearch, or process memory for demos. */
export async function createStores(
  kind: 'redis' | 'memory',
  log: Logger,
  silencesKey: string,
): Promise<Stores> {
  if (kind === 'memory') {
    log.warn('notifier state is in memory: pages in flight and timers do not survive a restart');
    return {
      store: new MemoryIncidentStore(),
      state: new MemoryNotifierState(),
      logSink: {
        write: (entries) => {
          for (const entry of entries) log.info({ delivery: entry }, 'delivery attempt');
          return Promise.resolve();
        },
      },
      close: () => Promise.resolve(),
    };
  }
  const elastic = loadElasticConfig();
  const client = createElasticClient(elastic);
  await ensureIndexTemplates(client, {
    indexPrefix: elastic.indexPrefix,
    shards: elastic.shards,
    replicas: elastic.replicas,
  });
  const redis = createRedisConnection(loadRedisConfig(), { logger: log, name: 'vigil-notifier' });
  await redis.waitUntilReady();
  const indexer = createBulkIndexer(client, { logger: log });
  return {
    store: new ElasticIncidentStore(createIncidentStore(client, { indexPrefix: elastic.indexPrefix })),
    state: new RedisNotifierState(redis.client, silencesKey),
    logSink: new ElasticNotificationLog(indexer, elastic.indexPrefix, log),
    leases: new LeaseManager(redis.client),
    async close() {
      await indexer.close();
      await redis.close();
      await client.close();
    },
  };
}
