import { afterAll, describe, expect, it } from 'vitest';
import { IndexNames } from '../indices/index-names.js';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '../testing/index.js';
import { deleteExpiredIndices } from './delete-expired-indices.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('deleteExpiredIndices', () => {
  it('deletes the daily indices past their retention and keeps the rest', async () => {
    const now = new Date('2024-05-10T12:00:00Z');
    const indices = [
      names.daily('events', '2024-05-01T00:00:00Z'),
      names.daily('events', '2024-05-09T00:00:00Z'),
      names.daily('alerts', '2024-05-01T00:00:00Z'),
      names.incidents,
    ];
    for (const index of indices) {
      await client.indices.create({ index, settings: { number_of_replicas: 0 } });
    }
    const { deleted } = await deleteExpiredIndices(client, {
      indexPrefix: prefix,
      retentionDays: { events: 3, alerts: 30, notifications: 3 },
      now,
    });
    expect(deleted).toEqual([`${prefix}-events-2024.05.01`]);
    const left = (await client.cat.indices({ index: `${prefix}-*`, h: 'index', format: 'json' }))
      .map((row) => row.index)
      .sort();
    expect(left).toEqual([
      `${prefix}-alerts-2024.05.01`,
      `${prefix}-events-2024.05.09`,
      `${prefix}-incidents`,
    ]);
  });
});
