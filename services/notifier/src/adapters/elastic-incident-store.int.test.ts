import { createIncidentStore, ensureIndexTemplates } from '@vigil/elastic';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { openIncident, reduceIncident } from '@vigil/incidents';
import { alertFixture } from '@vigil/incidents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElasticIncidentStore } from './elastic-incident-store.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const now = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('ElasticIncidentStore', () => {
  it('creates once, reads in real time, and refuses a stale version', async () => {
    const store = new ElasticIncidentStore(createIncidentStore(client, { indexPrefix: prefix }));
    const incident = openIncident(alertFixture(), { field: 'source.ip', value: '203.0.113.7' }, now);
    expect(await store.create(incident)).toBe('created');
    expect(await store.create(incident)).toBe('exists');
    expect(await store.get(incident.id)).toEqual(incident);

    const acked = reduceIncident(incident, { type: 'acknowledge', actor: 'alice' }, now);
    const noted = reduceIncident(incident, { type: 'note', actor: 'bob', note: 'x' }, now);
    if (!acked.ok || !noted.ok) throw new Error('reducer refused');
    expect(await store.update(acked.incident, 1)).toBe('updated');
    // Bob read version 1 too: his write must not overwrite Alice's.
    expect(await store.update(noted.incident, 1)).toBe('conflict');
    expect((await store.get(incident.id))?.state).toBe('acknowledged');
    expect(await store.get('0'.repeat(32))).toBeUndefined();
  });

  it('lets exactly one of many concurrent writers of the same version win', async () => {
    const store = new ElasticIncidentStore(createIncidentStore(client, { indexPrefix: prefix }));
    const incident = openIncident(alertFixture({ n: 2 }), { field: 'source.ip', value: '198.51.100.2' }, now);
    await store.create(incident);
    const writes = Array.from({ length: 8 }, (_, i) => {
      const result = reduceIncident(incident, { type: 'note', actor: `w${i}`, note: String(i) }, now);
      if (!result.ok) throw new Error('reducer refused');
      return store.update(result.incident, incident.version);
    });
    const outcomes = await Promise.all(writes);
    expect(outcomes.filter((o) => o === 'updated')).toHaveLength(1);
  });
});
