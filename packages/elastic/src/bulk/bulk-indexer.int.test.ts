import { createTcpProxy, stackEndpoints } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElasticUnavailableError } from '../error/elastic-error.js';
import { IndexNames } from '../indices/index-names.js';
import { ensureIndexTemplates } from '../templates/ensure-index-templates.js';
import {
  createTestElastic,
  deleteTestIndices,
  sampleAlert,
  sampleEvent,
  uniqueIndexPrefix,
} from '../testing/index.js';
import { createBulkIndexer } from './bulk-indexer.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);
const indexer = createBulkIndexer(client, { flushIntervalMs: 20 });

beforeAll(async () => {
  await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
});

afterAll(async () => {
  await indexer.close();
  await deleteTestIndices(client, prefix);
  await client.close();
});

async function count(index: string): Promise<number> {
  await client.indices.refresh({ index });
  return (await client.count({ index })).count;
}

describe('BulkIndexer', () => {
  it('writes an alert once however often it is indexed (idempotent by alert id)', async () => {
    const alert = sampleAlert('idempotent');
    const doc = { index: names.daily('alerts', alert['@timestamp']), id: alert.id, document: alert };
    expect(await indexer.index([doc])).toEqual({ indexed: 1, duplicates: 0, rejected: [] });
    expect(await indexer.index([doc, doc])).toEqual({ indexed: 0, duplicates: 2, rejected: [] });
    expect(await count(doc.index)).toBe(1);
  });

  it('reports a mapping conflict as a rejection with its reason and writes the rest', async () => {
    const good = sampleEvent({ id: 'good-1' });
    const bad = sampleEvent({ id: 'bad-1', sourceIp: 'not-an-ip' });
    const index = names.daily('events', good['@timestamp']);
    const report = await indexer.index([
      { index, id: good.event.id, document: good },
      { index, id: bad.event.id, document: bad },
    ]);
    expect(report.indexed).toBe(1);
    expect(report.rejected).toHaveLength(1);
    const [rejection] = report.rejected;
    expect(rejection?.doc.id).toBe('bad-1');
    expect(rejection?.status).toBe(400);
    expect(rejection?.type).toBe('document_parsing_exception');
    expect(rejection?.reason).toContain('source.ip');
    expect(rejection?.reason).toContain('not-an-ip');
  });

  it('gathers concurrent single adds into bulk requests and resolves each', async () => {
    const index = names.daily('events', '2024-05-02T00:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        indexer.add({
          index,
          id: `many-${i}`,
          document: sampleEvent({ id: `many-${i}`, timestamp: '2024-05-02T00:00:00Z' }),
        }),
      ),
    );
    expect(outcomes.every((outcome) => outcome.kind === 'indexed')).toBe(true);
    expect(indexer.pendingDocs).toBe(0);
    expect(await count(index)).toBe(500);
  });

  it('reports a document that cannot be serialized without sending it', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const outcome = await indexer.add({ index: names.daily('events', new Date()), document: cyclic });
    expect(outcome).toMatchObject({ kind: 'rejected', status: 0 });
  });

  it('fails with a retriable error, fast, when Elasticsearch is unreachable', async () => {
    const down = createTestElastic('http://127.0.0.1:1');
    const unreachable = createBulkIndexer(down, {
      flushIntervalMs: 1,
      retry: { retries: 2, initialDelayMs: 10 },
    });
    const started = Date.now();
    const error = await unreachable
      .index([{ index: names.daily('events', new Date()), document: sampleEvent() }])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ElasticUnavailableError);
    expect(error).toMatchObject({ retriable: true, code: 'ES_UNREACHABLE' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(unreachable.pendingDocs).toBe(0);
    await down.close();
  });

  it('keeps retrying through an outage and loses nothing once Elasticsearch is back', async () => {
    const target = new URL(stackEndpoints.elasticsearchUrl);
    const proxy = await createTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = createTestElastic(`http://127.0.0.1:${proxy.port}`);
    const patient = createBulkIndexer(viaProxy, {
      flushIntervalMs: 1,
      retry: { retries: 100, initialDelayMs: 50, maxDelayMs: 200 },
    });
    const index = names.daily('events', '2024-05-03T00:00:00Z');
    try {
      await proxy.stop();
      const docs = Array.from({ length: 50 }, (_, i) => {
        const event = sampleEvent({ id: `outage-${i}`, timestamp: '2024-05-03T00:00:00Z' });
        return { index, id: event.event.id, document: event };
      });
      const pending = patient.index(docs);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(patient.pendingDocs).toBe(50);
      await proxy.start();
      expect(await pending).toEqual({ indexed: 50, duplicates: 0, rejected: [] });
      expect(await count(index)).toBe(50);
    } finally {
      await patient.close();
      await viaProxy.close();
      await proxy.stop();
    }
  });
});
