import type { ConfiguredChannel } from '@vigil/channels';
import type { Logger } from '@vigil/core';
import type { GroupingConfig } from '@vigil/incidents';
import type { Router } from '@vigil/routing';
import type { IncidentPublisher, IncidentStore } from '../ports/incident-store.js';
import type { NotificationLogSink } from '../ports/notification-log-sink.js';
import type { NotifierState } from '../ports/notifier-state.js';
import type { NotifierMetrics } from './notifier-metrics.js';

/** The routing in force and the channels of its receivers; swapped whole on reload. */
export interface RoutingRuntime {
  readonly router: Router;
  readonly receivers: ReadonlyMap<string, readonly ConfiguredChannel[]>;
}

export interface NotifierDeps {
  readonly store: IncidentStore;
  readonly publisher: IncidentPublisher;
  readonly state: NotifierState;
  readonly logSink: NotificationLogSink;
  readonly routing: () => RoutingRuntime;
  readonly grouping: GroupingConfig;
  readonly now: () => Date;
  readonly log: Logger;
  readonly metrics: NotifierMetrics;
  readonly consoleUrl?: string;
  /** Give up on a notification still undelivered after this long (ms). */
  readonly outboxMaxAgeMs: number;
}
