import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createNotifierMetrics } from '../engine/notifier-metrics.js';
import { startHealthServer } from './health-server.js';

describe('health server', () => {
  it('answers liveness, readiness and Prometheus metrics on loopback', async () => {
    let ready = false;
    const metrics = createNotifierMetrics();
    metrics.alerts.inc({ outcome: 'opened' });
    const server = await startHealthServer(0, { live: () => true, ready: () => ready }, metrics.registry);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      ready = true;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('vigil_notifier_alerts_total{outcome="opened"} 1');
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
