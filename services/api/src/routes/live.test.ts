import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ROLES } from '@vigil/auth';
import { alertFixture } from '@vigil/incidents/testing';
import { waitFor } from '@vigil/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
let base: string;
const open: IncomingMessage[] = [];

beforeEach(async () => {
  w = await createTestWorld();
  await w.api.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(w.api.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const response of open.splice(0)) response.destroy();
  await w.api.app.close();
});

interface Stream {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly text: () => string;
}

function connect(headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/v1/live`, { headers }, (response) => {
      open.push(response);
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      resolve({ status: response.statusCode ?? 0, headers: response.headers, text: () => text });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/v1/live (Server-Sent Events)', () => {
  it('streams new alerts and incident changes, JSON-escaped', async () => {
    const stream = await connect({ authorization: `Bearer ${w.tokens.viewer}` });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    w.memory.store.addAlert(alertFixture({ n: 2, title: '<b>bold</b> brute force' }));
    const text = await waitFor(() => (stream.text().includes('event: incident') ? stream.text() : undefined));
    expect(text).toMatch(/id: \d+\nevent: alert\ndata: \{.*\\u003cb\\u003ebold/);
    expect(text).not.toContain('<b>');
  });

  it('resumes after Last-Event-ID and announces gaps', async () => {
    w.memory.store.addAlert(alertFixture({ n: 3, at: '2026-03-01T10:01:00.000Z' }));
    w.memory.store.addAlert(alertFixture({ n: 4, at: '2026-03-01T10:02:00.000Z' }));
    const all = w.api.hub.resume(0).replay.map((event) => event.id);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const after = all[1] ?? 0;
    const stream = await connect({
      authorization: `Bearer ${w.tokens.viewer}`,
      'last-event-id': String(after),
    });
    const text = await waitFor(() =>
      stream.text().includes(`id: ${all.at(-1) ?? 0}\n`) ? stream.text() : undefined,
    );
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids).toEqual(all.slice(2));
    expect(text).not.toContain('event: gap');
    const stale = await connect({ authorization: `Bearer ${w.tokens.viewer}`, 'last-event-id': '1' });
    await waitFor(() => stale.text().includes('event: gap'));
  });

  it.each([...ROLES, 'anonymous' as const])('answers %s as the permission table says', async (role) => {
    const stream = await connect(role === 'anonymous' ? {} : { authorization: `Bearer ${w.tokens[role]}` });
    expect(stream.status).toBe(role === 'anonymous' ? 401 : 200);
  });
});
