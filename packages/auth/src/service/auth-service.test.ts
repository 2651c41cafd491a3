import { describe, expect, it } from 'vitest';
import { PasswordHasher } from '../password/password-hasher.js';
import { MemorySessionStore, sessionKey } from '../session/session-store.js';
import { base32Decode } from '../totp/base32.js';
import { totp } from '../totp/totp.js';
import { MemoryTokenStore, MemoryUserStore } from '../users/user-store.js';
import { AuthService } from './auth-service.js';

function setup() {
  const clock = { now: Date.parse('2024-05-01T12:00:00Z') };
  const sessions = new MemorySessionStore(() => clock.now);
  const users = new MemoryUserStore();
  const auth = new AuthService({
    users,
    tokens: new MemoryTokenStore(),
    sessions,
    hasher: new PasswordHasher({ logN: 8, r: 8, p: 1 }),
    now: () => clock.now,
    sessionTtlMs: 3_600_000,
    idleTtlMs: 600_000,
  });
  return { auth, clock, sessions, users };
}

describe('AuthService', () => {
  it('signs users in with a fresh session and rotates the old one away', async () => {
    const { auth } = setup();
    await auth.createUser({ name: 'ana', role: 'analyst', password: 'Correct-Horse-9' });
    const first = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.1' });
    if (!first.ok) throw new Error(first.reason);
    const second = await auth.login({
      username: 'ANA',
      password: 'Correct-Horse-9',
      ip: '10.0.0.1',
      previousSessionId: first.sessionId,
    });
    if (!second.ok) throw new Error(second.reason);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await auth.authenticateSession(first.sessionId)).toBeUndefined();
    expect(await auth.authenticateSession(second.sessionId)).toMatchObject({
      kind: 'user',
      name: 'ana',
      role: 'analyst',
    });
  });

  it('says the same for an unknown user and a wrong password, and enforces the policy', async () => {
    const { auth } = setup();
    await auth.createUser({ name: 'ana', role: 'viewer', password: 'Correct-Horse-9' });
    expect(await auth.login({ username: 'ana', password: 'wrong', ip: '1.1.1.1' })).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(await auth.login({ username: 'bob', password: 'wrong', ip: '1.1.1.1' })).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    await expect(auth.createUser({ name: 'carl', role: 'viewer', password: 'password' })).rejects.toThrow(
      /must contain an upper-case letter; must contain a digit/,
    );
    await expect(
      auth.createUser({ name: 'ana', role: 'viewer', password: 'Correct-Horse-9' }),
    ).rejects.toThrow(/exists/);
  });

  it('requires TOTP for admins, once per code', async () => {
    const { auth, clock } = setup();
    const created = await auth.createUser({ name: 'root-admin', role: 'admin', password: 'Correct-Horse-9' });
    expect(created.otpauthUri).toMatch(/^otpauth:\/\/totp\/Vigil:root-admin\?secret=/);
    const secret = base32Decode(created.totpSecret ?? '') ?? Buffer.alloc(0);
    const base = { username: 'root-admin', password: 'Correct-Horse-9', ip: '10.0.0.2' };
    expect(await auth.login(base)).toEqual({ ok: false, reason: 'mfa_required' });
    expect(
      await auth.login({ ...base, totp: '000000' === totp(secret, clock.now) ? '111111' : '000000' }),
    ).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    const code = totp(secret, clock.now);
    const ok = await auth.login({ ...base, totp: code });
    expect(ok.ok && ok.session.mfa).toBe(true);
    expect(await auth.login({ ...base, totp: code })).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('lets one TOTP code through once when two logins race with it', async () => {
    const { auth, clock } = setup();
    const created = await auth.createUser({ name: 'root-admin', role: 'admin', password: 'Correct-Horse-9' });
    const code = totp(base32Decode(created.totpSecret ?? '') ?? Buffer.alloc(0), clock.now);
    const attempt = { username: 'root-admin', password: 'Correct-Horse-9', totp: code };
    // Both read the user before either saved lastTotpStep: the step claim decides.
    const results = await Promise.all([
      auth.login({ ...attempt, ip: '10.0.0.1' }),
      auth.login({ ...attempt, ip: '10.0.0.2' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('throttles guessing per account with backoff', async () => {
    const { auth, clock } = setup();
    await auth.createUser({ name: 'ana', role: 'viewer', password: 'Correct-Horse-9' });
    for (let i = 0; i < 5; i++)
      await auth.login({ username: 'ana', password: `guess-${i}`, ip: `10.1.0.${i}` });
    const blocked = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.9.9.9' });
    expect(blocked).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 1000 });
    clock.now += 1000;
    expect((await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.9.9.9' })).ok).toBe(
      true,
    );
  });

  it('expires sessions when idle and at their absolute limit', async () => {
    const { auth, clock } = setup();
    await auth.createUser({ name: 'ana', role: 'viewer', password: 'Correct-Horse-9' });
    const login = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.1' });
    if (!login.ok) throw new Error(login.reason);
    for (let i = 0; i < 6; i++) {
      clock.now += 540_000;
      expect(await auth.authenticateSession(login.sessionId)).toBeDefined();
    }
    clock.now += 540_000;
    expect(await auth.authenticateSession(login.sessionId)).toBeUndefined();
    const again = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.1' });
    if (!again.ok) throw new Error(again.reason);
    clock.now += 700_000;
    expect(await auth.authenticateSession(again.sessionId)).toBeUndefined();
  });

  it('issues tokens shown once, checks and revokes them, and throttles bad ones per address', async () => {
    const { auth, sessions } = setup();
    const { token, record } = await auth.createToken({
      name: 'ingest-bot',
      role: 'responder',
      createdBy: 'admin',
    });
    expect(JSON.stringify(await auth.listTokens())).not.toContain(token.split('_')[2]);
    expect(await auth.authenticateToken(token, '10.0.0.3')).toMatchObject({
      kind: 'token',
      name: 'ingest-bot',
      role: 'responder',
    });
    expect(await auth.revokeToken(record.id)).toBe(true);
    expect(await auth.authenticateToken(token, '10.0.0.3')).toBeUndefined();
    for (let i = 0; i < 25; i++) await auth.authenticateToken(`vgl_bad_${i}`, '10.0.0.4');
    expect(await auth.authenticateToken(token, '10.0.0.4')).toEqual({ throttledMs: 1000 });
    expect(await sessions.get(sessionKey('none'))).toBeUndefined();
  });

  it('changes a password: the old one stops working, other sessions end, this one stays', async () => {
    const { auth } = setup();
    const { user } = await auth.createUser({ name: 'ana', role: 'viewer', password: 'Correct-Horse-9' });
    const here = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.1' });
    const elsewhere = await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.2' });
    if (!here.ok || !elsewhere.ok) throw new Error('login failed');
    const change = { userId: user.id, ip: '10.0.0.1', keepSessionKey: here.session.key };
    expect(await auth.changePassword({ ...change, current: 'wrong', next: 'Another-Pass-7' })).toBe(
      'invalid_credentials',
    );
    await expect(
      auth.changePassword({ ...change, current: 'Correct-Horse-9', next: 'short' }),
    ).rejects.toThrow(/at least 8/);
    expect(await auth.changePassword({ ...change, current: 'Correct-Horse-9', next: 'Another-Pass-7' })).toBe(
      'changed',
    );
    expect(await auth.authenticateSession(here.sessionId)).toBeDefined();
    expect(await auth.authenticateSession(elsewhere.sessionId)).toBeUndefined();
    expect((await auth.login({ username: 'ana', password: 'Correct-Horse-9', ip: '10.0.0.3' })).ok).toBe(
      false,
    );
    expect((await auth.login({ username: 'ana', password: 'Another-Pass-7', ip: '10.0.0.3' })).ok).toBe(true);
  });
});
