import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import { createLogger } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { ElasticUnavailableError } from '../error/elastic-error.js';
import { createBulkIndexer } from './bulk-indexer.js';

type Item = Partial<Record<'create' | 'index', estypes.BulkResponseItem>>;

/** A stand-in for the client's bulk call, answering each request with the statuses the test scripts. */
function fakeClient(answer: (ids: string[], call: number) => number[] | Error) {
  const calls: string[][] = [];
  const client = {
    bulk: (request: { operations: string[] }) => {
      const ids = request.operations
        .filter((_, i) => i % 2 === 0)
        .map((line) => (JSON.parse(line) as { create: { _id: string } }).create._id);
      calls.push(ids);
      const statuses = answer(ids, calls.length);
      if (statuses instanceof Error) return Promise.reject(statuses);
      const items: Item[] = statuses.map((status, i) => ({
        create: {
          _index: 'i',
          _id: ids[i] ?? null,
          status,
          ...(status >= 300
            ? { error: { type: status === 429 ? 'es_rejected_execution_exception' : 'x', reason: 'r' } }
            : {}),
        },
      }));
      return Promise.resolve({ errors: statuses.some((status) => status >= 300), items, took: 1 });
    },
  };
  return { client: client as unknown as Client, calls };
}

const quiet = createLogger({ name: 'test', level: 'silent' });
const fastRetry = { retries: 3, initialDelayMs: 1, maxDelayMs: 2 };
const docs = (ids: string[]) => ids.map((id) => ({ index: 'i', id, document: { id } }));

describe('BulkIndexer', () => {
  it('retries only the items Elasticsearch was too busy for', async () => {
    const { client, calls } = fakeClient((ids, call) =>
      call === 1 ? ids.map((id) => (id === 'b' ? 429 : 201)) : ids.map(() => 201),
    );
    const indexer = createBulkIndexer(client, { logger: quiet, retry: fastRetry, flushIntervalMs: 1 });
    const report = await indexer.index(docs(['a', 'b', 'c']));
    expect(report).toEqual({ indexed: 3, duplicates: 0, rejected: [] });
    expect(calls).toEqual([['a', 'b', 'c'], ['b']]);
  });

  it('reports duplicates and rejections as data', async () => {
    const { client } = fakeClient((ids) => ids.map((id) => ({ a: 201, b: 409, c: 400 })[id] ?? 500));
    const indexer = createBulkIndexer(client, { logger: quiet, retry: fastRetry, flushIntervalMs: 1 });
    const report = await indexer.index(docs(['a', 'b', 'c']));
    expect(report.indexed).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.rejected).toEqual([{ doc: docs(['c'])[0], reason: 'x: r', status: 400, type: 'x' }]);
  });

  it('gives up with a retriable error when the cluster stays unavailable, dropping nothing silently', async () => {
    const { client, calls } = fakeClient(() => new errors.ConnectionError('socket hang up'));
    const indexer = createBulkIndexer(client, { logger: quiet, retry: fastRetry, flushIntervalMs: 1 });
    const error = await indexer.index(docs(['a', 'b'])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ElasticUnavailableError);
    expect((error as ElasticUnavailableError).retriable).toBe(true);
    expect(calls).toHaveLength(4);
    expect(indexer.pendingDocs).toBe(0);
  });

  it('splits requests at maxDocs and keeps at most `concurrency` in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const sizes: number[] = [];
    const client = {
      bulk: async (request: { operations: string[] }) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sizes.push(request.operations.length / 2);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return {
          errors: false,
          took: 1,
          items: request.operations
            .filter((_, i) => i % 2 === 0)
            .map(() => ({ create: { _index: 'i', status: 201 } })),
        };
      },
    } as unknown as Client;
    const indexer = createBulkIndexer(client, {
      logger: quiet,
      maxDocs: 10,
      concurrency: 2,
      flushIntervalMs: 1,
    });
    const report = await indexer.index(docs(Array.from({ length: 45 }, (_, i) => `d${i}`)));
    expect(report.indexed).toBe(45);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(45);
    expect(Math.max(...sizes)).toBe(10);
    expect(maxInFlight).toBe(2);
  });

  it('flush sends at once instead of waiting for the interval', async () => {
    const { client, calls } = fakeClient((ids) => ids.map(() => 201));
    const indexer = createBulkIndexer(client, { logger: quiet, flushIntervalMs: 60_000 });
    const outcome = indexer.add({ index: 'i', id: 'a', document: {} });
    await indexer.flush();
    expect(calls).toEqual([['a']]);
    await expect(outcome).resolves.toEqual({ kind: 'indexed' });
    await indexer.close();
  });
});
