import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeEach(async () => {
  w = await createTestWorld();
});
afterEach(async () => {
  await w.api.app.close();
});

function call(
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  role: 'responder' | 'viewer' = 'responder',
) {
  return w.api.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${w.tokens[role]}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

describe('incident routes', () => {
  it('walks the lifecycle, each change on the timeline with its actor', async () => {
    const base = `/api/v1/incidents/${w.incident.id}`;
    expect((await call('POST', `${base}/acknowledge`, { note: 'looking' })).statusCode).toBe(200);
    expect((await call('POST', `${base}/assign`, { assignee: 'ana' })).statusCode).toBe(200);
    expect((await call('POST', `${base}/notes`, { note: 'blocked at the edge' })).statusCode).toBe(200);
    expect((await call('POST', `${base}/resolve`, {})).statusCode).toBe(200);
    expect((await call('POST', `${base}/reopen`, {})).statusCode).toBe(200);
    const fp = await call('POST', `${base}/false-positive`, { note: 'pentest' });
    const incident = JSON.parse(fp.body) as {
      state: string;
      timeline: { action: string; actor: string }[];
      version: number;
    };
    expect(incident.state).toBe('false_positive');
    expect(incident.timeline.map((entry) => entry.action)).toEqual([
      'opened',
      'acknowledged',
      'assigned',
      'noted',
      'resolved',
      'reopened',
      'false_positive',
    ]);
    expect(incident.timeline.at(-1)?.actor).toBe('token:responder-bot');
    expect(w.audit.records.map((record) => record.action)).toEqual([
      'incident.acknowledge',
      'incident.assign',
      'incident.note',
      'incident.resolve',
      'incident.reopen',
      'incident.false_positive',
    ]);
  });

  it('refuses stale versions and impossible transitions with 409, unknown ids with 404', async () => {
    const base = `/api/v1/incidents/${w.incident.id}`;
    const stale = await call('POST', `${base}/acknowledge`, { version: w.incident.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ error: { code: 'invalid_transition' } });
    const reopen = await call('POST', `${base}/reopen`, {});
    expect(reopen.statusCode).toBe(200);
    await call('POST', `${base}/resolve`, {});
    const ack = await call('POST', `${base}/acknowledge`, {});
    expect(ack.statusCode).toBe(409);
    expect(JSON.parse(ack.body)).toMatchObject({
      error: { message: expect.stringMatching(/cannot acknowledge/) as string },
    });
    expect((await call('GET', `/api/v1/incidents/${'0'.repeat(32)}`, undefined, 'viewer')).statusCode).toBe(
      404,
    );
    const bad = await call('GET', '/api/v1/incidents/not-an-id', undefined, 'viewer');
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      error: { code: 'validation_failed', message: 'params.id: an incident id is 32 hex characters' },
    });
    const extra = await call('POST', `${base}/notes`, { note: 'x', admin: true });
    expect(JSON.parse(extra.body)).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'body' }] },
    });
  });

  it('shows an incident with its alerts and evidence events, and lists the queue', async () => {
    const detail = JSON.parse(
      (await call('GET', `/api/v1/incidents/${w.incident.id}`, undefined, 'viewer')).body,
    ) as {
      alerts: { id: string }[];
      evidence: { event: { id: string } }[];
    };
    expect(detail.alerts.map((alert) => alert.id)).toEqual([w.alert.id]);
    expect(detail.evidence.map((event) => event.event.id)).toEqual(['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4']);
    const open = JSON.parse(
      (await call('GET', '/api/v1/incidents?state=open', undefined, 'viewer')).body,
    ) as { hits: { id: string }[] };
    expect(open.hits.map((hit) => hit.id)).toEqual([w.incident.id]);
    const resolved = JSON.parse(
      (await call('GET', '/api/v1/incidents?state=resolved', undefined, 'viewer')).body,
    ) as { hits: unknown[] };
    expect(resolved.hits).toEqual([]);
    const tricky = await call(
      'GET',
      `/api/v1/incidents?assignee=${encodeURIComponent('x" or state:open or "')}`,
      undefined,
      'viewer',
    );
    expect((JSON.parse(tricky.body) as { hits: unknown[] }).hits).toEqual([]);
  });

  it('counts rule hits from alerts', async () => {
    const rules = JSON.parse((await call('GET', '/api/v1/rules', undefined, 'viewer')).body) as {
      rules: unknown[];
    };
    expect(rules.rules).toEqual([
      expect.objectContaining({ id: 'ssh-brute-force', hits: 1, last_hit: w.alert['@timestamp'] }),
    ]);
  });
});
