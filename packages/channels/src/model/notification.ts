import type { Incident } from '@vigil/schema';

export type NotificationReason = 'initial' | 'update' | 'repeat' | 'escalation';

/**
 * What the notifier asks a receiver to be told: one or more incidents in their current state.
 * `id` is deterministic (a group flush or an escalation page, per receiver): the notifier uses it
 * to never send the same thing twice, and webhooks carry it as an idempotency key.
 */
export interface Notification {
  readonly id: string;
  readonly receiver: string;
  readonly reason: NotificationReason;
  readonly incidents: readonly Incident[];
  readonly escalation?: {
    readonly policy: string;
    readonly level: number;
    readonly cycle: number;
    readonly person?: string;
  };
  /** Base URL of the Vigil console, for links (`<url>/incidents/<id>`). */
  readonly consoleUrl?: string;
}

/** The PagerDuty-style action an incident's state calls for. */
export type IncidentAction = 'trigger' | 'acknowledge' | 'resolve';

export function actionFor(incident: Pick<Incident, 'state'>): IncidentAction {
  switch (incident.state) {
    case 'open':
      return 'trigger';
    case 'acknowledged':
      return 'acknowledge';
    case 'resolved':
    case 'false_positive':
      return 'resolve';
  }
}

export function incidentLink(
  notification: Pick<Notification, 'consoleUrl'>,
  incidentId: string,
): string | undefined {
  if (notification.consoleUrl === undefined) return undefined;
  return `${notification.consoleUrl.replace(/\/+$/, '')}/incidents/${incidentId}`;
}
