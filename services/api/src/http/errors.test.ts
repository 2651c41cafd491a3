import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing/test-world.js';

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
});
afterAll(async () => {
  await w.api.app.close();
});

describe('error answers', () => {
  it('are JSON {error: {code, message}} for unknown routes, bad JSON and big bodies', async () => {
    const auth = { authorization: `Bearer ${w.tokens.admin}` };
    const missing = await w.api.app.inject({ method: 'GET', url: '/api/v1/nope', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({
      error: { code: 'not_found', message: 'no route GET /api/v1/nope' },
    });
    const badJson = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/search/events',
      payload: '{"query":',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({
      error: { code: expect.any(String) as string, message: expect.any(String) as string },
    });
    const big = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/search/events',
      payload: { query: 'x'.repeat(2 * 1024 * 1024) },
      headers: auth,
    });
    expect(big.statusCode).toBe(413);
    const tooLong = await w.api.app.inject({
      method: 'POST',
      url: '/api/v1/search/events',
      payload: { query: 'x'.repeat(9000) },
      headers: auth,
    });
    expect(JSON.parse(tooLong.body)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('paginate searches with an opaque cursor', async () => {
    const auth = { authorization: `Bearer ${w.tokens.analyst}` };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await w.api.app.inject({
        method: 'POST',
        url: '/api/v1/search/events',
        payload: { size: 2, ...(cursor === null ? {} : { cursor }) },
        headers: auth,
      });
      const body = JSON.parse(page.body) as {
        hits: { event: { id: string } }[];
        cursor: string | null;
        total: { value: number };
      };
      expect(body.total.value).toBe(5);
      seen.push(...body.hits.map((hit) => hit.event.id));
      cursor = body.cursor;
    } while (cursor !== null);
    expect(seen).toEqual(['ev-4', 'ev-3', 'ev-2', 'ev-1', 'ev-0']);
    const histogram = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/search/events/aggs?from=2026-03-01T09:00:00Z&to=2026-03-01T11:00:00Z&interval=1h',
      headers: auth,
    });
    expect(JSON.parse(histogram.body)).toMatchObject({
      type: 'date_histogram',
      buckets: [
        { time: '2026-03-01T09:00:00.000Z', count: 5 },
        { time: '2026-03-01T10:00:00.000Z', count: 0 },
      ],
    });
  });
});
