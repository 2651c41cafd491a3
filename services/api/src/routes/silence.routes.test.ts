import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeEach(async () => {
  w = await createTestWorld();
});
afterEach(async () => {
  await w.api.app.close();
});

function call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) {
  return w.api.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${w.tokens.responder}` },
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('silence routes', () => {
  it('creates, changes and expires silences in @vigil/routing shape', async () => {
    const created = await call('POST', '/api/v1/silences', {
      matchers: ['rule_id="ssh-brute-force"'],
      duration: '2h',
      comment: 'patching',
    });
    expect(created.statusCode).toBe(201);
    const silence = JSON.parse(created.body) as {
      id: string;
      starts_at: string;
      ends_at: string;
      created_by: string;
    };
    expect(Date.parse(silence.ends_at) - Date.parse(silence.starts_at)).toBe(7_200_000);
    expect(silence.created_by).toBe('responder-bot');
    const updated = await call('PUT', `/api/v1/silences/${silence.id}`, {
      matchers: ['host=~"web-.*"'],
      duration: '30m',
    });
    expect(JSON.parse(updated.body)).toMatchObject({
      id: silence.id,
      matchers: ['host=~"web-.*"'],
      created_by: 'responder-bot',
    });
    const expired = await call('DELETE', `/api/v1/silences/${silence.id}`);
    expect(Date.parse((JSON.parse(expired.body) as { ends_at: string }).ends_at)).toBe(w.clock.now);
    const list = JSON.parse((await call('GET', '/api/v1/silences')).body) as { silences: unknown[] };
    expect(list.silences).toHaveLength(1);
  });

  it('explains bad input', async () => {
    const bad = await call('POST', '/api/v1/silences', { matchers: ['no operator here'], duration: '1h' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      error: {
        code: 'validation_failed',
        message: expect.stringMatching(/^body\.matchers\.0: .*is not a matcher/) as string,
      },
    });
    const noEnd = await call('POST', '/api/v1/silences', { matchers: ['host="web-01"'] });
    expect(JSON.parse(noEnd.body)).toMatchObject({ error: { message: 'body: give ends_at or duration' } });
    const backwards = await call('POST', '/api/v1/silences', {
      matchers: ['host="web-01"'],
      starts_at: '2026-03-02T00:00:00Z',
      ends_at: '2026-03-01T00:00:00Z',
    });
    expect(JSON.parse(backwards.body)).toMatchObject({
      error: { message: 'body.ends_at: ends_at must be after starts_at' },
    });
    expect((await call('DELETE', '/api/v1/silences/nope')).statusCode).toBe(404);
  });
});
