import {
  AuthService,
  base32Decode,
  MemorySessionStore,
  PasswordHasher,
  sessionKey,
  totp,
  type Session,
} from '@vigil/auth';
import { throttleContract } from '@vigil/auth/testing';
import { createTestRedis } from '@vigil/redis/testing';
import { uniqueName } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisAuthStore } from './redis-auth-store.js';
import { RedisSessionStore } from './redis-session-store.js';
import { RedisSilenceStore } from './redis-silence-store.js';
import { RedisThrottle } from './redis-throttle.js';

const connection = createTestRedis();
afterAll(async () => {
  await connection.close();
});

function session(id: string, userId: string, now: number): Session {
  return {
    key: sessionKey(id),
    userId,
    csrfToken: `csrf-${id}`,
    mfa: false,
    createdAt: now,
    absoluteExpiresAt: now + 3_600_000,
    idleExpiresAt: now + 600_000,
  };
}

describe('RedisSilenceStore', () => {
  it('keeps silences in the hash the notifier reads, skipping bad records', async () => {
    const store = new RedisSilenceStore(connection.client, 'silences');
    const silence = {
      id: 's1',
      matchers: ['host="web-01"'],
      starts_at: '2026-03-01T10:00:00.000Z',
      ends_at: '2026-03-01T12:00:00.000Z',
      created_by: 'ana',
      comment: '',
    };
    await store.put(silence);
    await connection.client.hset('silences', 'broken', '{not json');
    expect(await store.get('s1')).toEqual(silence);
    expect(await store.list()).toEqual([silence]);
    expect(await store.get('broken')).toBeUndefined();
  });
});

describe('RedisSessionStore', () => {
  it('behaves like the in-memory store', async () => {
    let now = 1_800_000_000_000;
    const redis = new RedisSessionStore(connection.client, () => now);
    const memory = new MemorySessionStore(() => now);
    for (const store of [redis, memory]) {
      await store.put(session('a', 'u1', now));
      await store.put(session('b', 'u1', now));
      await store.put(session('c', 'u2', now));
    }
    for (const store of [redis, memory]) {
      expect(await store.get(sessionKey('a'))).toMatchObject({ userId: 'u1', csrfToken: 'csrf-a' });
      await store.deleteForUser('u1');
      expect(await store.get(sessionKey('a'))).toBeUndefined();
      expect(await store.get(sessionKey('b'))).toBeUndefined();
      expect(await store.get(sessionKey('c'))).toBeDefined();
    }
    now += 700_000;
    expect(await redis.get(sessionKey('c'))).toBeUndefined();
    expect(await memory.get(sessionKey('c'))).toBeUndefined();
  });
});

/** What one API instance has: its own AuthService over the shared Redis. */
function apiInstance(prefix?: string): AuthService {
  const store = new RedisAuthStore(connection.client, prefix);
  return new AuthService({
    users: store.users,
    tokens: store.tokens,
    sessions: new MemorySessionStore(),
    hasher: new PasswordHasher({ logN: 10, r: 8, p: 1 }),
    throttle: new RedisThrottle(connection.client, prefix),
  });
}

throttleContract('RedisThrottle', (now) =>
  Promise.resolve(new RedisThrottle(connection.client, `${uniqueName('throttle')}:`, now)),
);

describe('RedisThrottle', () => {
  it('counts failed logins across API instances: guessing through two replicas gains nothing', async () => {
    const prefix = `${uniqueName('guess')}:`;
    const one = apiInstance(prefix);
    const two = apiInstance(prefix);
    await one.createUser({ name: 'erin', role: 'responder', password: 'Correct-Horse-9' });
    const reasons: string[] = [];
    // Five free attempts per account, alternating instances: the sixth is refused, wherever it lands.
    for (let i = 0; i < 6; i++) {
      const result = await (i % 2 === 0 ? one : two).login({
        username: 'erin',
        password: `wrong-${String(i)}`,
        ip: `10.1.0.${String(i)}`,
      });
      reasons.push(result.ok ? 'ok' : result.reason);
    }
    expect(reasons.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
    expect(reasons[5]).toBe('throttled');
    // Even the right password waits out the delay, on either instance.
    const right = await one.login({ username: 'erin', password: 'Correct-Horse-9', ip: '10.1.0.9' });
    expect(right).toMatchObject({ ok: false, reason: 'throttled' });
    // Kept in Redis, and not forever: the key expires once it would be forgotten.
    expect(await connection.client.hget(`${prefix}throttle:account:erin`, 'f')).toBe('5');
    expect(await connection.client.pttl(`${prefix}throttle:account:erin`)).toBeGreaterThan(0);
  });
});

describe('RedisAuthStore', () => {
  it('shares users and tokens between API instances: created on one, signed in and revoked on another', async () => {
    const one = apiInstance();
    const two = apiInstance();
    const created = await one.createUser({ name: 'Dana', role: 'responder', password: 'Correct-Horse-9' });
    expect((await two.listUsers()).map((user) => user.name)).toEqual(['Dana']);
    const login = await two.login({ username: 'dana', password: 'Correct-Horse-9', ip: '10.0.0.1' });
    expect(login.ok).toBe(true);

    const { token, record } = await one.createToken({ name: 'ci', role: 'viewer', createdBy: 'Dana' });
    expect(await two.authenticateToken(token, '10.0.0.2')).toMatchObject({ kind: 'token', role: 'viewer' });
    expect(await two.revokeToken(record.id)).toBe(true);
    expect(await one.authenticateToken(token, '10.0.0.2')).toBeUndefined();

    // Stored as hashes only, and a deleted user's name is free again.
    const stored = JSON.stringify(await connection.client.hgetall('auth:users'));
    expect(stored).not.toContain('Correct-Horse-9');
    expect(await two.deleteUser(created.user.id)).toBe(true);
    expect(await new RedisAuthStore(connection.client).users.getByName('DANA')).toBeUndefined();
  });

  it('lets one TOTP code sign in once, even through two instances at the same moment', async () => {
    const prefix = `totp-${String(Date.now())}:`;
    const one = apiInstance(prefix);
    const two = apiInstance(prefix);
    const admin = await one.createUser({ name: 'root-ops', role: 'admin', password: 'Correct-Horse-9' });
    const code = totp(base32Decode(admin.totpSecret ?? '') ?? Buffer.alloc(0), Date.now());
    const attempt = { username: 'root-ops', password: 'Correct-Horse-9', totp: code };
    const results = await Promise.all([
      one.login({ ...attempt, ip: '10.0.0.1' }),
      two.login({ ...attempt, ip: '10.0.0.2' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('skips a record that does not parse instead of failing the listing', async () => {
    const store = new RedisAuthStore(connection.client, 'broken-auth:');
    await connection.client.hset('broken-auth:tokens', 'bad', '{"id": 1}');
    expect(await store.tokens.list()).toEqual([]);
    expect(await store.tokens.get('bad')).toBeUndefined();
  });
});
