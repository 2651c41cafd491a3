import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeEach(async () => {
  w = await createTestWorld();
});
afterEach(async () => {
  await w.api.app.close();
});

function login(body: Record<string, unknown>, ip = '10.0.0.1') {
  return w.api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress: ip });
}

describe('guessing protection', () => {
  it('backs off per account, even for the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (await login({ username: 'viewer-user', password: `nope-${i}` }, `10.0.1.${i}`)).statusCode,
      ).toBe(401);
    const blocked = await login({ username: 'viewer-user', password: PASSWORD }, '10.0.9.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    expect(JSON.parse(blocked.body)).toMatchObject({ error: { code: 'rate_limited' } });
    expect(w.audit.records.at(-1)).toMatchObject({
      action: 'auth.login',
      outcome: 'failure',
      reason: 'rate_limited',
    });
    w.clock.now += 1000;
    expect((await login({ username: 'viewer-user', password: PASSWORD }, '10.0.9.9')).statusCode).toBe(200);
  });

  it('backs off per address across accounts', async () => {
    for (let i = 0; i < 20; i++) await login({ username: `someone-${i}`, password: 'x' }, '10.6.6.6');
    expect((await login({ username: 'analyst-user', password: PASSWORD }, '10.6.6.6')).statusCode).toBe(429);
    expect((await login({ username: 'analyst-user', password: PASSWORD }, '10.6.6.7')).statusCode).toBe(200);
  });

  it('backs off bad bearer tokens per address', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await w.api.app.inject({
        method: 'GET',
        url: '/api/v1/rules',
        headers: { authorization: `Bearer vgl_guess${i}` },
        remoteAddress: '10.7.7.7',
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/rules',
      headers: { authorization: `Bearer ${w.tokens.viewer}` },
      remoteAddress: '10.7.7.7',
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('asks admins for their TOTP code, records MFA in the audit trail', async () => {
    const noCode = await login({ username: 'admin-user', password: PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(JSON.parse(noCode.body)).toMatchObject({ error: { code: 'mfa_required' } });
    const wrong = await login({ username: 'admin-user', password: PASSWORD, totp: 'abc' });
    expect(wrong.statusCode).toBe(400);
    const ok = await login({ username: 'admin-user', password: PASSWORD, totp: w.adminCode() });
    expect(ok.statusCode).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ role: 'admin', mfa: true });
    expect(w.audit.records.at(-1)).toMatchObject({
      actor: { name: 'admin-user', roles: ['admin'] },
      mfa: true,
      outcome: 'success',
    });
    expect(w.audit.records.at(-1)?.session?.id).toMatch(/^[0-9a-f]{32}$/);
  });
});
