import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo, type CapturedIo } from '../testing/capture-io.js';
import { runRunCommand } from './run-command.js';

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Running {
  readonly io: CapturedIo;
  readonly url: string;
  stop(): Promise<number>;
}

async function startDemoWithApi(dataDir: string): Promise<Running> {
  const controller = new AbortController();
  // A cheap scrypt cost: the users are created and checked in this test.
  const io = captureIo({ signal: controller.signal, env: { VIGIL_API_SCRYPT_LOG_N: '10' } });
  const done = runRunCommand(['--demo', '--api', '0', '--data', dataDir], io);
  await until(() => io.err().includes('serving until interrupted'), 'the API', 120_000);
  const url = /SOC console and API on (http:\/\/\S+)/.exec(io.err())?.[1];
  if (url === undefined) throw new Error(`no URL in: ${io.err()}`);
  return {
    io,
    url,
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

async function signIn(url: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

interface Incident {
  id: string;
  state: string;
  version: number;
}

describe('vigil run --api', () => {
  it('serves the console and the API on the embedded store, audited, and keeps incidents across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-run-api-'));
    let ackedId = '';
    const first = await startDemoWithApi(dir);
    try {
      const password = /analyst \(responder\)\s+password: (\S+)/.exec(first.io.err())?.[1];
      expect(password).toBeDefined();
      const headers = await signIn(first.url, 'analyst', password ?? '');

      // The console is served with a strict CSP.
      const page = await fetch(`${first.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

      // The demo's alerts were grouped into incidents; its events are searchable.
      const queue = (await (await fetch(`${first.url}/api/v1/incidents`, { headers })).json()) as {
        hits: Incident[];
      };
      expect(queue.hits.length).toBeGreaterThan(0);
      const search = await fetch(`${first.url}/api/v1/search/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: 'event.outcome:failure and process.name:sshd', size: 5 }),
      });
      const found = (await search.json()) as { total: { value: number } };
      expect(search.status).toBe(200);
      expect(found.total.value).toBeGreaterThan(10);

      const target = queue.hits[0]!;
      const ack = await fetch(`${first.url}/api/v1/incidents/${target.id}/acknowledge`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ version: target.version, note: 'looking' }),
      });
      expect(ack.status).toBe(200);
      expect(((await ack.json()) as Incident).state).toBe('acknowledged');

      // Every mutating call is in the audit trail, and Vigil's own rules read it as admin-access logs.
      const trail = readFileSync(join(dir, 'audit.ndjson'), 'utf8');
      expect(trail).toContain('"incident.acknowledge"');
      await until(
        () =>
          readFileSync(join(dir, 'events/events-00000001.ndjson'), 'utf8').includes('incident.acknowledge'),
        'the audit line in the event store',
        10_000,
      );
      ackedId = target.id;
    } finally {
      expect(await first.stop()).toBe(0);
    }

    // A restart keeps the users (none created again) and the incident as it was left.
    const second = await startDemoWithApi(dir);
    try {
      expect(second.io.err()).not.toContain('First start');
      const password = /analyst \(responder\)\s+password: (\S+)/.exec(first.io.err())?.[1] ?? '';
      const headers = await signIn(second.url, 'analyst', password);
      const acked = (await (
        await fetch(`${second.url}/api/v1/incidents?state=acknowledged`, { headers })
      ).json()) as { hits: Incident[] };
      expect(acked.hits.map((incident) => incident.id)).toEqual([ackedId]);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 240_000);

  it('refuses a port that is not a number', async () => {
    const io = captureIo();
    expect(await runRunCommand(['--demo', '--api', 'http'], io)).toBe(2);
    expect(io.err()).toContain('ports are numbers');
  });
});
