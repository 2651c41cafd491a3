import { describe, expect, it } from 'vitest';
import { answer, type HealthProbe } from './health-routes.js';

function probe(live: boolean, ready: boolean): HealthProbe {
  return {
    live: () => live,
    ready: () => ready,
    detail: () => ({ partitions: ready ? 6 : 0 }),
    metrics: () => Promise.resolve({ contentType: 'text/plain; version=0.0.4', body: 'm 1\n' }),
  };
}

describe('answer', () => {
  it('reports liveness and readiness separately', async () => {
    expect(await answer('GET', '/healthz', probe(true, false))).toMatchObject({ status: 200 });
    const notReady = await answer('GET', '/readyz', probe(true, false));
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toEqual({ status: 'not ready', partitions: 0 });
    expect(await answer('GET', '/readyz?verbose=1', probe(true, true))).toMatchObject({ status: 200 });
    expect(await answer('GET', '/healthz', probe(false, false))).toMatchObject({ status: 503 });
  });

  it('serves metrics in the exposition format, 404 elsewhere, 405 for writes', async () => {
    expect(await answer('GET', '/metrics', probe(true, true))).toEqual({
      status: 200,
      contentType: 'text/plain; version=0.0.4',
      body: 'm 1\n',
    });
    expect((await answer('GET', '/', probe(true, true))).status).toBe(404);
    expect((await answer('POST', '/readyz', probe(true, true))).status).toBe(405);
  });
});
