import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The notifier's Prometheus metrics, on their own registry (served at /metrics). */
export interface NotifierMetrics {
  readonly registry: Registry;
  readonly alerts: Counter<'outcome'>;
  readonly incidentChanges: Counter<'kind'>;
  readonly deliveries: Counter<'channel' | 'outcome'>;
  readonly pages: Counter<'reason'>;
  /** From an alert's arrival to the first successful delivery about its incident. */
  readonly alertToDispatch: Histogram;
  readonly outboxPending: Counter<'event'>;
}

export function createNotifierMetrics(withDefaults = false): NotifierMetrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'vigil_notifier_' });
  return {
    registry,
    alerts: new Counter({
      name: 'vigil_notifier_alerts_total',
      help: 'Alerts consumed, by grouping outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    incidentChanges: new Counter({
      name: 'vigil_notifier_incident_changes_total',
      help: 'Incident changes stored and published',
      labelNames: ['kind'],
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'vigil_notifier_delivery_attempts_total',
      help: 'Delivery attempts by channel type and outcome',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    pages: new Counter({
      name: 'vigil_notifier_notifications_total',
      help: 'Notifications decided, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    alertToDispatch: new Histogram({
      name: 'vigil_notifier_alert_to_dispatch_seconds',
      help: 'Alert arrival to first delivered notification of its incident',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    outboxPending: new Counter({
      name: 'vigil_notifier_outbox_events_total',
      help: 'Outbox events (enqueued, completed, failed, expired)',
      labelNames: ['event'],
      registers: [registry],
    }),
  };
}
