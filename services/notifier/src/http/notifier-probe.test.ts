import { createLogger } from '@vigil/core';
import { startHttpServer } from '@vigil/service-http';
import { describe, expect, it } from 'vitest';
import { createNotifierMetrics } from '../engine/notifier-metrics.js';
import { notifierProbe } from './notifier-probe.js';

describe('health server', () => {
  it('answers liveness, readiness and Prometheus metrics on loopback', async () => {
    let ready = false;
    const metrics = createNotifierMetrics();
    metrics.alerts.inc({ outcome: 'opened' });
    const probe = notifierProbe({ live: () => true, ready: () => ready }, metrics.registry);
    const server = await startHttpServer(
      { host: '127.0.0.1', port: 0 },
      probe,
      createLogger({ name: 'test', level: 'silent' }),
    );
    const base = `http://127.0.0.1:${String(server?.port)}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      ready = true;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('vigil_notifier_alerts_total{outcome="opened"} 1');
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await server?.close();
    }
  });
});
