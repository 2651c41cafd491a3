import { createBulkIndexer, ensureIndexTemplates } from '@vigil/elastic';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { createLogger } from '@vigil/core';
import type { NotificationLogEntry } from '@vigil/channels';
import { afterAll, describe, expect, it } from 'vitest';
import { ElasticNotificationLog } from './elastic-notification-log.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

const entry = (attempt: number, outcome: NotificationLogEntry['outcome']): NotificationLogEntry => ({
  '@timestamp': '2026-03-01T10:00:00.000Z',
  notification_id: 'n1',
  message_id: 'n1:i1',
  receiver: 'team',
  channel: { type: 'pagerduty', name: 'team/0' },
  action: 'trigger',
  reason: 'initial',
  incident_ids: ['a'.repeat(32)],
  attempt,
  outcome,
  duration_ms: 12,
  ...(outcome === 'delivered'
    ? { status_code: 202 }
    : { status_code: 503, error: 'team/0: HTTP 503: down', error_code: 'HTTP_503', retry_in_ms: 500 }),
});

describe('ElasticNotificationLog', () => {
  it('indexes every attempt into the notifications mapping, once per attempt', async () => {
    await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
    const indexer = createBulkIndexer(client, { flushIntervalMs: 10 });
    const sink = new ElasticNotificationLog(indexer, prefix, createLogger({ name: 'test', level: 'silent' }));
    await sink.write([entry(1, 'retrying'), entry(2, 'delivered')]);
    await sink.write([entry(2, 'delivered')]);
    await indexer.close();
    await client.indices.refresh({ index: `${prefix}-notifications-*` });
    const found = await client.search<{ status: string; dedup_key: string; error?: { code: string } }>({
      index: `${prefix}-notifications-*`,
      sort: [{ attempt: 'asc' }],
    });
    expect(
      found.hits.hits.map((h) => [h._source?.status, h._source?.dedup_key, h._source?.error?.code]),
    ).toEqual([
      ['retrying', 'a'.repeat(32), 'HTTP_503'],
      ['delivered', 'a'.repeat(32), undefined],
    ]);
  });
});
