import { afterAll, describe, expect, it } from 'vitest';
import { createBulkIndexer } from '../bulk/bulk-indexer.js';
import { IndexNames } from '../indices/index-names.js';
import { createTestElastic, deleteTestIndices, sampleEvent, uniqueIndexPrefix } from '../testing/index.js';
import { ensureIndexTemplates } from './ensure-index-templates.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('ensureIndexTemplates', () => {
  it('installs the templates and the incidents index, and is idempotent', async () => {
    const first = await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
    expect(first.templates).toEqual([
      `${prefix}-events`,
      `${prefix}-alerts`,
      `${prefix}-notifications`,
      `${prefix}-incidents`,
    ]);
    expect(first.incidentsIndexCreated).toBe(true);
    const second = await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
    expect(second.incidentsIndexCreated).toBe(false);
    const health = await client.cluster.health({
      index: names.incidents,
      wait_for_status: 'green',
      timeout: '10s',
    });
    expect(health.status).toBe('green');
  });

  it('indexes an event into its daily index with ECS types, searchable by address range and words', async () => {
    const event = sampleEvent({ timestamp: '2024-05-01T10:00:00.000Z' });
    const indexer = createBulkIndexer(client, { refresh: 'wait_for' });
    const index = names.daily('events', event['@timestamp']);
    const report = await indexer.index([{ index, id: event.event.id, document: event }]);
    expect(report).toEqual({ indexed: 1, duplicates: 0, rejected: [] });

    const mapping = await client.indices.getFieldMapping({
      index,
      fields: ['source.ip', 'event.original', 'source.port'],
    });
    const fields = mapping[index]!.mappings;
    expect(fields['source.ip']?.mapping).toEqual({ ip: { type: 'ip' } });
    expect(fields['event.original']?.mapping).toEqual({ original: { type: 'text', index: false } });
    expect(fields['source.port']?.mapping).toEqual({ port: { type: 'long' } });

    const byRange = await client.search({
      index: names.pattern('events'),
      query: { term: { 'source.ip': '203.0.113.0/24' } },
    });
    expect(byRange.hits.hits.map((hit) => hit._id)).toEqual([event.event.id]);
    const byWords = await client.search({
      index: names.pattern('events'),
      query: { match: { message: 'failed password' } },
    });
    expect(byWords.hits.hits).toHaveLength(1);
    const byUser = await client.search({
      index: names.pattern('events'),
      query: { term: { 'user.name.keyword': 'root' } },
    });
    expect(byUser.hits.hits).toHaveLength(1);
  });
});
