import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndexTemplates } from '../templates/ensure-index-templates.js';
import { createTestElastic, deleteTestIndices, sampleIncident, uniqueIndexPrefix } from '../testing/index.js';
import { createIncidentStore } from './incident-store.js';

const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const store = createIncidentStore(client, { indexPrefix: prefix });

beforeAll(async () => {
  await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('incident store', () => {
  it('creates once and reads back with its sequence number', async () => {
    const incident = sampleIncident('create');
    expect(await store.get(incident.id)).toBeUndefined();
    expect(await store.create(incident)).toMatchObject({ ok: true });
    expect(await store.create(incident)).toEqual({ ok: false, reason: 'conflict' });
    const read = await store.get(incident.id);
    expect(read?.value).toEqual(incident);
    expect(read?.seqNo).toBeGreaterThanOrEqual(0);
  });

  it('refuses a write based on a stale read (optimistic concurrency)', async () => {
    const incident = sampleIncident('stale');
    await store.create(incident);
    const read = (await store.get(incident.id))!;
    const acknowledged = { ...read.value, state: 'acknowledged' as const, version: 2 };
    const first = await store.replace(acknowledged, read);
    expect(first.ok).toBe(true);
    // A second writer that read the same version loses.
    const resolved = { ...read.value, state: 'resolved' as const, version: 2 };
    expect(await store.replace(resolved, read)).toEqual({ ok: false, reason: 'conflict' });
    expect((await store.get(incident.id))?.value.state).toBe('acknowledged');
  });

  it('applies concurrent modifications one after the other', async () => {
    const incident = sampleIncident('modify');
    await store.create(incident);
    const attach = (alertId: string) =>
      store.modify(incident.id, (current) =>
        current === undefined
          ? undefined
          : { ...current, alert_ids: [...current.alert_ids, alertId], version: current.version + 1 },
      );
    await Promise.all(['x1', 'x2', 'x3', 'x4'].map(attach));
    const final = (await store.get(incident.id))!.value;
    expect([...final.alert_ids].sort()).toEqual([...incident.alert_ids, 'x1', 'x2', 'x3', 'x4'].sort());
    expect(final.version).toBe(incident.version + 4);
  });
});
