import { createIncidentStore, ensureIndexTemplates, IndexNames } from '@vigil/elastic';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { alertFixture } from '@vigil/incidents/testing';
import { openIncident } from '@vigil/incidents';
import { searchRequestSchema, aggRequestSchema, type SearchIndex } from '@vigil/query';
import type { Incident, VigilEvent } from '@vigil/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySearchBackend } from '../memory/memory-search-backend.js';
import { eventFixture } from '../testing/test-world.js';
import { ElasticIncidentService } from './elastic-incident-service.js';
import { ElasticSearchBackend } from './elastic-search-backend.js';

// The Elasticsearch backends against a real cluster, with the real index templates: every query
// must find the same documents, in the same order, as the in-memory backend over the same data.
const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);
const NOW = Date.parse('2026-03-02T00:00:00Z');

const events: VigilEvent[] = [
  ...Array.from({ length: 6 }, (_, i) => eventFixture(i)),
  eventFixture(10, {
    message: 'Accepted publickey for deploy from 10.1.2.3 port 40000 ssh2',
    user: { name: 'Deploy' },
    source: { ip: '10.1.2.3', port: 40000 },
  }),
  eventFixture(11, {
    message: 'GET /wp-login.php 404',
    event: {
      id: 'ev-11',
      kind: 'event',
      category: ['web'],
      type: ['access'],
      dataset: 'nginx.access',
      original: 'x',
    },
  }),
];
const alerts = [alertFixture({ n: 1 }), alertFixture({ n: 2, level: 'critical', title: 'Root login' })];
const incidents: Incident[] = alerts.map((alert) =>
  openIncident(alert, { field: 'source.ip', value: '203.0.113.7' }, new Date(NOW)),
);
const memory = new MemorySearchBackend(
  {
    events: () => events,
    alerts: () => alerts,
    incidents: () => incidents,
  },
  undefined,
  () => NOW,
);
const elastic = new ElasticSearchBackend(client, prefix, undefined, () => NOW);

beforeAll(async () => {
  await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
  const operations = [
    ...events.flatMap((doc) => [
      { create: { _index: names.daily('events', doc['@timestamp']), _id: doc.event.id } },
      doc,
    ]),
    ...alerts.flatMap((doc) => [
      { create: { _index: names.daily('alerts', doc['@timestamp']), _id: doc.id } },
      doc,
    ]),
    ...incidents.flatMap((doc) => [{ create: { _index: names.incidents, _id: doc.id } }, doc]),
  ];
  const result = await client.bulk({ operations, refresh: true });
  expect(result.errors).toBe(false);
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

const QUERIES: readonly (readonly [SearchIndex, string])[] = [
  ['events', ''],
  ['events', 'user.name:root'],
  ['events', 'user.name:deploy'],
  ['events', 'message:"failed password" and source.port >= 40003'],
  ['events', 'publickey or wp*'],
  ['events', 'source.ip:10.0.0.0/8'],
  ['events', 'event.dataset:system.* and not source.port:40001'],
  ['alerts', 'rule.level:critical'],
  ['alerts', 'group.source.ip:203.0.113.7'],
  ['alerts', 'root'],
  ['incidents', 'state:open and entity.value:203.0.113.7'],
];

describe('ElasticSearchBackend', () => {
  it.each(QUERIES)('%s: %s matches the in-memory backend', async (index, query) => {
    const request = searchRequestSchema.parse({ query, size: 3 });
    const [fromEs, fromMemory] = await Promise.all([
      elastic.search(index, request),
      memory.search(index, request),
    ]);
    expect(fromEs.hits).toEqual(fromMemory.hits);
    expect(fromEs.total).toEqual(fromMemory.total);
    expect(fromEs.cursor === null).toBe(fromMemory.cursor === null);
  });

  it('refuses unknown and unindexed fields like the in-memory backend', async () => {
    await expect(elastic.search('events', searchRequestSchema.parse({ query: 'nope:1' }))).rejects.toThrow(
      /unknown field 'nope'/,
    );
  });

  it('aggregates and fetches by id', async () => {
    const request = aggRequestSchema.parse({ type: 'terms', field: 'user.name.keyword' });
    expect(await elastic.aggregate('events', request)).toEqual(await memory.aggregate('events', request));
    const ids = ['ev-3', 'missing', 'ev-1'];
    expect(await elastic.getByIds('events', ids)).toEqual(await memory.getByIds('events', ids));
  });
});

describe('ElasticIncidentService', () => {
  it('applies commands with optimistic concurrency and announces changes', async () => {
    const store = createIncidentStore(client, { indexPrefix: prefix, refresh: 'wait_for' });
    const changed: Incident[] = [];
    const service = new ElasticIncidentService(store, (incident) => {
      changed.push(incident);
      return Promise.resolve();
    });
    const id = incidents[0]?.id ?? '';
    const ack = await service.apply(id, { type: 'acknowledge', actor: 'ana' });
    expect(ack).toMatchObject({ ok: true, changed: true, incident: { state: 'acknowledged', version: 2 } });
    expect(await service.apply(id, { type: 'note', actor: 'ana', note: 'x' }, 1)).toMatchObject({
      ok: false,
      error: { status: 409 },
    });
    expect((await service.get(id))?.state).toBe('acknowledged');
    expect(changed.map((incident) => incident.version)).toEqual([2]);
    expect(await service.apply('0'.repeat(32), { type: 'acknowledge', actor: 'ana' })).toBeUndefined();
  });
});
