import {
  AuthService,
  base32Decode,
  MemoryAuditSink,
  MemorySessionStore,
  MemoryTokenStore,
  MemoryUserStore,
  PasswordHasher,
  ROLES,
  totp,
  type Role,
} from '@vigil/auth';
import { alertFixture } from '@vigil/incidents/testing';
import type { Alert, Incident, VigilEvent } from '@vigil/schema';
import { buildApi, type Api } from '../app/build-api.js';
import { createMemoryPorts, type MemoryPorts } from '../memory/memory-ports.js';

export const PASSWORD = 'Correct-Horse-9';

export interface TestWorld {
  readonly api: Api;
  readonly memory: MemoryPorts;
  readonly audit: MemoryAuditSink;
  readonly auth: AuthService;
  readonly clock: { now: number };
  /** One API token per role. */
  readonly tokens: Readonly<Record<Role, string>>;
  /** The admin's TOTP code right now. */
  adminCode(): string;
  readonly incident: Incident;
  readonly alert: Alert;
}

export function eventFixture(n: number, overrides: Record<string, unknown> = {}): VigilEvent {
  const at = new Date(Date.parse('2026-03-01T09:59:00.000Z') + n * 1000).toISOString();
  return {
    '@timestamp': at,
    message: `Failed password for root from 203.0.113.7 port ${40000 + n} ssh2`,
    event: {
      id: `ev-${n}`,
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      outcome: 'failure',
      dataset: 'system.auth',
      original: `sshd[1]: Failed password for root from 203.0.113.7 port ${40000 + n} ssh2`,
    },
    vigil: { schema_version: 1 },
    source: { ip: '203.0.113.7', port: 40000 + n },
    user: { name: 'root' },
    host: { hostname: 'web-01' },
    ...overrides,
  };
}

/** A whole API on memory ports, with a user and a token per role and one incident from one alert. */
export async function createTestWorld(options: { consoleDir?: string } = {}): Promise<TestWorld> {
  const clock = { now: Date.parse('2026-03-01T10:05:00.000Z') };
  const now = (): number => clock.now;
  const audit = new MemoryAuditSink();
  const memory = createMemoryPorts({
    audit,
    now,
    loadRules: () =>
      Promise.resolve({
        rules: [
          {
            id: 'ssh-brute-force',
            title: 'SSH brute force',
            level: 'high',
            type: 'event_count',
            tags: ['attack.t1110'],
          },
        ],
        errors: [],
      }),
  });
  await memory.rules.reload();
  const auth = new AuthService({
    users: new MemoryUserStore(),
    tokens: new MemoryTokenStore(),
    sessions: new MemorySessionStore(now),
    hasher: new PasswordHasher({ logN: 8, r: 8, p: 1 }),
    now,
  });
  let adminSecret: Buffer = Buffer.alloc(0);
  for (const role of ROLES) {
    const created = await auth.createUser({ name: `${role}-user`, role, password: PASSWORD });
    if (created.totpSecret !== undefined) adminSecret = base32Decode(created.totpSecret) ?? adminSecret;
  }
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES)
    tokens[role] = (await auth.createToken({ name: `${role}-bot`, role, createdBy: 'test' })).token;
  const events = Array.from({ length: 5 }, (_, i) => eventFixture(i));
  memory.store.addEvents(events);
  const alert = {
    ...alertFixture({ n: 1 }),
    evidence: { event_ids: events.map((e) => e.event.id), truncated: false },
  };
  const incident = memory.store.addAlert(alert);
  if (incident === undefined) throw new Error('the fixture alert opened no incident');
  const api = await buildApi({
    auth,
    ports: memory.ports,
    now,
    ...(options.consoleDir === undefined ? {} : { consoleDir: options.consoleDir }),
  });
  // Admin codes are single-use: step the clock so each login gets a fresh one.
  const adminCode = (): string => {
    clock.now += 30_000;
    return totp(adminSecret, clock.now);
  };
  return { api, memory, audit, auth, clock, tokens, adminCode, incident, alert };
}
