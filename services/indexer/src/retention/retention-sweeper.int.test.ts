import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@vigil/core';
import { IndexNames } from '@vigil/elastic';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { IndexerMetrics } from '../metrics/indexer-metrics.js';
import { RetentionSweeper } from './retention-sweeper.js';

const elastic = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);

afterAll(async () => {
  await deleteTestIndices(elastic, prefix);
  await elastic.close();
});

describe('RetentionSweeper (Elasticsearch)', () => {
  it('deletes the daily indices past their retention and counts them', async () => {
    const keep = [
      names.daily('events', '2024-05-09T10:00:00Z'),
      names.daily('alerts', '2024-04-01T10:00:00Z'),
    ];
    const old = names.daily('events', '2024-05-01T10:00:00Z');
    for (const index of [...keep, old])
      await elastic.indices.create({ index, settings: { number_of_replicas: 0 } });
    const metrics = new IndexerMetrics();
    const sweeper = new RetentionSweeper(
      elastic,
      { indexPrefix: prefix, retentionDays: { events: 3, alerts: 365, notifications: 90 }, intervalMs: 0 },
      createLogger({ name: 'test', level: 'silent' }),
      metrics,
    );
    await sweeper.sweep(new Date('2024-05-10T12:00:00Z'));
    const left = await elastic.cat.indices({ index: `${prefix}-*`, h: 'index', format: 'json' });
    expect(left.map((row) => row.index).sort()).toEqual([...keep].sort());
    expect(await metrics.exposition()).toMatch(/vigil_indexer_retention_deleted_indices_total 1/);
  });
});
