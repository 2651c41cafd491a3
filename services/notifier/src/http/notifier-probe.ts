import type { HealthProbe } from '@vigil/service-http';
import type { Registry } from 'prom-client';

export interface HealthState {
  /** Live: the process runs its loops. */
  live(): boolean;
  /** Ready: consuming and delivering, or standing by to take over (false while starting and stopping). */
  ready(): boolean;
}

/** The notifier's `/healthz`, `/readyz` and `/metrics` (Prometheus text), served by `@vigil/service-http`. */
export function notifierProbe(health: HealthState, registry: Registry): HealthProbe {
  return {
    live: () => health.live(),
    ready: () => health.ready(),
    detail: () => ({}),
    metrics: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
