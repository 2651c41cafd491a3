import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, eventFixture, type TestWorld } from '../testing/test-world.js';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert('x')",
  '</script><svg/onload=alert(1)>',
  '\u2028<iframe srcdoc="<script>parent.x=1</script>">',
];

let w: TestWorld;
beforeEach(async () => {
  w = await createTestWorld();
  w.memory.store.addEvents(
    PAYLOADS.map((payload, i) =>
      eventFixture(100 + i, { message: `sshd: invalid user ${payload}`, user: { name: payload } }),
    ),
  );
});
afterEach(async () => {
  await w.api.app.close();
});

describe('log content with markup', () => {
  it('comes back as escaped JSON, never as HTML', async () => {
    const response = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/search/events',
      payload: { query: 'message:invalid', size: 50 },
      headers: { authorization: `Bearer ${w.tokens.analyst}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.body).not.toMatch(/[<>]/);
    expect(response.body).toContain('\\u003cscript\\u003e');
    const hits = (JSON.parse(response.body) as { hits: { user: { name: string } }[] }).hits.map(
      (hit) => hit.user.name,
    );
    expect(hits.sort()).toEqual([...PAYLOADS].sort());
  });

  it('is escaped in query errors too', async () => {
    const response = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/search/events',
      payload: { query: '<img src=x onerror=alert(1)>:x' },
      headers: { authorization: `Bearer ${w.tokens.analyst}` },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/[<>]/);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'invalid_query' } });
  });
});
