import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../testing/session.js';
import { createTestWorld, PASSWORD, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeEach(async () => {
  w = await createTestWorld();
});
afterEach(async () => {
  await w.api.app.close();
});

describe('cookie sessions and CSRF', () => {
  it('sets a HttpOnly, Secure, SameSite=Strict host cookie and returns the CSRF token', async () => {
    const session = await signIn(w.api.app, 'responder-user', PASSWORD);
    expect(session.setCookie).toMatch(
      /^__Host-vigil_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const me = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(JSON.parse(me.body)).toMatchObject({
      name: 'responder-user',
      role: 'responder',
      csrfToken: session.csrfToken,
    });
  });

  it('refuses a cookie-authenticated change without the right token', async () => {
    const session = await signIn(w.api.app, 'responder-user', PASSWORD);
    const url = `/api/v1/incidents/${w.incident.id}/acknowledge`;
    for (const token of [undefined, 'wrong', `${session.csrfToken}x`]) {
      const response = await w.api.app.inject({
        method: 'POST',
        url,
        payload: {},
        headers: { cookie: session.cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) },
      });
      expect(response.statusCode).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'csrf_failed' } });
    }
    expect(w.audit.records.at(-1)).toMatchObject({
      action: 'incident.acknowledge',
      outcome: 'failure',
      reason: 'csrf_failed',
    });
    expect((await w.memory.store.get(w.incident.id))?.state).toBe('open');
    const ok = await w.api.app.inject({
      method: 'POST',
      url,
      payload: {},
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(ok.statusCode).toBe(200);
    expect(w.audit.records.at(-1)).toMatchObject({ actor: { name: 'responder-user' }, outcome: 'success' });
  });

  it("does not accept another session's token", async () => {
    const mine = await signIn(w.api.app, 'responder-user', PASSWORD);
    const theirs = await signIn(w.api.app, 'analyst-user', PASSWORD);
    const response = await w.api.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${w.incident.id}/notes`,
      payload: { note: 'x' },
      headers: { cookie: mine.cookie, 'x-csrf-token': theirs.csrfToken },
    });
    expect(response.statusCode).toBe(403);
  });

  it('needs no CSRF token for bearer tokens (browsers never send them by themselves)', async () => {
    const response = await w.api.app.inject({
      method: 'POST',
      url: `/api/v1/incidents/${w.incident.id}/notes`,
      payload: { note: 'from a bot' },
      headers: { authorization: `Bearer ${w.tokens.analyst}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses form posts (cross-site forms cannot send JSON)', async () => {
    const session = await signIn(w.api.app, 'responder-user', PASSWORD);
    const response = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'username=analyst-user&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    });
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'ctp_invalid_media_type' } });
  });

  it('rotates the session on login and ends it on logout', async () => {
    const first = await signIn(w.api.app, 'viewer-user', PASSWORD);
    const again = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'viewer-user', password: PASSWORD },
      headers: { cookie: first.cookie },
    });
    const second = String(again.headers['set-cookie']).split(';')[0] ?? '';
    expect(second).not.toBe(first.cookie);
    const old = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
    const csrf = (JSON.parse(again.body) as { csrfToken: string }).csrfToken;
    const out = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: second, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    const after = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: second },
    });
    expect(after.statusCode).toBe(401);
  });

  it('changes the own password with the CSRF token and the current password', async () => {
    const session = await signIn(w.api.app, 'analyst-user', PASSWORD);
    const change = (payload: Record<string, string>, csrf = true) =>
      w.api.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        payload,
        headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) },
      });
    expect((await change({ current: PASSWORD, next: 'Another-Pass-7' }, false)).statusCode).toBe(403);
    expect((await change({ current: 'wrong', next: 'Another-Pass-7' })).statusCode).toBe(401);
    const weak = await change({ current: PASSWORD, next: 'weak' });
    expect(JSON.parse(weak.body)).toMatchObject({ error: { code: 'password_policy' } });
    expect((await change({ current: PASSWORD, next: 'Another-Pass-7' })).statusCode).toBe(200);
    expect(w.audit.records.at(-1)).toMatchObject({
      action: 'user.password_change',
      target: { name: 'analyst-user' },
    });
    await signIn(w.api.app, 'analyst-user', 'Another-Pass-7');
  });
});
