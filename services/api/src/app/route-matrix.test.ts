import { can, ROLES, type Role } from '@vigil/auth';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../testing/session.js';
import { createTestWorld, PASSWORD, type TestWorld } from '../testing/test-world.js';

type Example = (world: TestWorld, role: Role | 'anonymous') => Promise<InjectOptions> | InjectOptions;

const id = (w: TestWorld): string => w.incident.id;

/** One valid request per route: the matrix fails if a route has none, so no route escapes it. */
const EXAMPLES: Readonly<Record<string, Example>> = {
  'POST /api/v1/auth/login': () => ({ payload: { username: 'analyst-user', password: PASSWORD } }),
  'POST /api/v1/auth/logout': () => ({}),
  'GET /api/v1/auth/me': () => ({}),
  'POST /api/v1/auth/password': () => ({ payload: { current: PASSWORD, next: 'Another-Pass-7' } }),
  'POST /api/v1/search/events': () => ({ payload: { query: 'user.name:root', size: 2 } }),
  'GET /api/v1/search/events/aggs': () => ({ query: { type: 'terms', field: 'source.ip' } }),
  'GET /api/v1/search/events/fields': () => ({}),
  'POST /api/v1/search/alerts': () => ({ payload: { query: 'rule.level:high' } }),
  'GET /api/v1/search/alerts/aggs': () => ({
    query: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' },
  }),
  'GET /api/v1/search/alerts/fields': () => ({}),
  'POST /api/v1/search/incidents': () => ({ payload: { query: 'state:open' } }),
  'GET /api/v1/search/incidents/aggs': () => ({ query: { type: 'terms', field: 'state' } }),
  'GET /api/v1/search/incidents/fields': () => ({}),
  'GET /api/v1/incidents': () => ({ query: { state: 'open' } }),
  'GET /api/v1/incidents/:id': (w) => ({ url: `/api/v1/incidents/${id(w)}` }),
  'POST /api/v1/incidents/:id/acknowledge': (w) => ({
    url: `/api/v1/incidents/${id(w)}/acknowledge`,
    payload: { note: 'on it' },
  }),
  'POST /api/v1/incidents/:id/resolve': (w) => ({ url: `/api/v1/incidents/${id(w)}/resolve`, payload: {} }),
  'POST /api/v1/incidents/:id/reopen': async (w) => {
    await w.memory.store.apply(id(w), { type: 'resolve', actor: 'setup' });
    return { url: `/api/v1/incidents/${id(w)}/reopen`, payload: {} };
  },
  'POST /api/v1/incidents/:id/false-positive': (w) => ({
    url: `/api/v1/incidents/${id(w)}/false-positive`,
    payload: {},
  }),
  'POST /api/v1/incidents/:id/assign': (w) => ({
    url: `/api/v1/incidents/${id(w)}/assign`,
    payload: { assignee: 'ana' },
  }),
  'POST /api/v1/incidents/:id/notes': (w) => ({
    url: `/api/v1/incidents/${id(w)}/notes`,
    payload: { note: 'looked at it' },
  }),
  'GET /api/v1/silences': () => ({}),
  'POST /api/v1/silences': () => ({ payload: { matchers: ['rule_id="ssh-brute-force"'], duration: '2h' } }),
  'GET /api/v1/silences/:id': async (w) => ({ url: `/api/v1/silences/${await silence(w)}` }),
  'PUT /api/v1/silences/:id': async (w) => ({
    url: `/api/v1/silences/${await silence(w)}`,
    payload: { matchers: ['host="web-01"'], duration: '1h', comment: 'maintenance' },
  }),
  'DELETE /api/v1/silences/:id': async (w) => ({ url: `/api/v1/silences/${await silence(w)}` }),
  'GET /api/v1/rules': () => ({}),
  'POST /api/v1/rules/reload': () => ({}),
  'GET /api/v1/users': () => ({}),
  'POST /api/v1/users': (_w, role) => ({
    payload: { name: `new-${role}`, role: 'viewer', password: PASSWORD },
  }),
  'DELETE /api/v1/users/:id': async (w) => {
    const created = await w.auth.createUser({ name: 'to-delete', role: 'viewer', password: PASSWORD });
    return { url: `/api/v1/users/${created.user.id}` };
  },
  'GET /api/v1/tokens': () => ({}),
  'POST /api/v1/tokens': () => ({ payload: { name: 'ci', role: 'viewer' } }),
  'DELETE /api/v1/tokens/:id': async (w) => {
    const created = await w.auth.createToken({ name: 'old', role: 'viewer', createdBy: 'test' });
    return { url: `/api/v1/tokens/${created.record.id}` };
  },
  'GET /api/v1/health': () => ({}),
  'GET /api/v1/openapi.json': () => ({}),
};

/** Routes for console users only (tokens have no password): called with a signed-in session. */
const AS_USER = new Set(['POST /api/v1/auth/password']);

/** Streams never end under inject; the live route has its own matrix over a real socket (live.test.ts). */
const STREAMING = new Set(['GET /api/v1/live']);

async function silence(w: TestWorld): Promise<string> {
  const existing = await w.memory.silences.list();
  if (existing[0] !== undefined) return existing[0].id;
  const now = new Date(w.clock.now).toISOString();
  const end = new Date(w.clock.now + 3_600_000).toISOString();
  await w.memory.silences.put({
    id: 's-1',
    matchers: ['host="a"'],
    starts_at: now,
    ends_at: end,
    created_by: 'test',
    comment: '',
  });
  return 's-1';
}

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.api.app.close();
  world = undefined;
});

describe('route × role matrix', async () => {
  const probe = await createTestWorld();
  const routes = probe.api.routes.filter((route) => !STREAMING.has(`${route.method} ${route.path}`));
  await probe.api.app.close();

  it('has an example for every route', () => {
    const missing = routes
      .map((route) => `${route.method} ${route.path}`)
      .filter((key) => EXAMPLES[key] === undefined);
    expect(missing).toEqual([]);
  });

  const cases = routes.flatMap((route) =>
    [...ROLES, 'anonymous' as const].map((role) => ({ route, role, key: `${route.method} ${route.path}` })),
  );

  it.each(cases)('$key as $role', async ({ route, role, key }) => {
    world = await createTestWorld();
    const example = EXAMPLES[key];
    if (example === undefined) throw new Error(`no example for ${key}`);
    const request = await example(world, role);
    let headers: Record<string, string> = {};
    if (role !== 'anonymous' && AS_USER.has(key)) {
      const session = await signIn(
        world.api.app,
        `${role}-user`,
        PASSWORD,
        role === 'admin' ? world.adminCode() : undefined,
      );
      headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    } else if (role !== 'anonymous') headers = { authorization: `Bearer ${world.tokens[role]}` };
    const response = await world.api.app.inject({
      method: route.method,
      url: route.path,
      ...request,
      headers,
    });
    const allowed =
      route.access === 'public' ||
      (role !== 'anonymous' && (route.access === 'authenticated' || can(role, route.access)));
    const expected = allowed ? 'success' : role === 'anonymous' ? 401 : 403;
    const got = response.statusCode >= 200 && response.statusCode < 300 ? 'success' : response.statusCode;
    expect(got, response.body).toBe(expected);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    if (route.method !== 'GET') {
      const record = world.audit.records.at(-1);
      expect(record?.action).toBe(route.audit?.action);
      expect(record?.outcome).toBe(allowed ? 'success' : 'failure');
    }
  });
});
