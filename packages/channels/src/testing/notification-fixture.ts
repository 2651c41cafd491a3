import { groupAlert, groupingConfigSchema, reduceIncident } from '@vigil/incidents';
import { alertFixture } from '@vigil/incidents/testing';
import type { Incident, IncidentState } from '@vigil/schema';
import type { Notification } from '../model/notification.js';

const now = new Date('2026-03-01T10:05:00.000Z');

function incidentIn(state: IncidentState, n: number, title?: string): Incident {
  const outcome = groupAlert(
    alertFixture({ n, ...(title === undefined ? {} : { title }), group: { 'source.ip': `203.0.113.${n}` } }),
    [],
    groupingConfigSchema.parse({}),
    now,
  );
  if (outcome.kind !== 'opened') throw new Error(outcome.kind);
  if (state === 'open') return outcome.incident;
  const type = state === 'acknowledged' ? 'acknowledge' : state === 'resolved' ? 'resolve' : 'false_positive';
  const result = reduceIncident(outcome.incident, { type, actor: 'alice' }, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.incident;
}

/** A notification about `count` incidents in `state`, for channel tests. */
export function notificationFixture(
  options: { state?: IncidentState; count?: number; title?: string; id?: string } = {},
): Notification {
  const incidents = Array.from({ length: options.count ?? 1 }, (_, i) =>
    incidentIn(options.state ?? 'open', i + 1, options.title),
  );
  return {
    id: options.id ?? 'n-0001',
    receiver: 'secops',
    reason: 'initial',
    incidents,
    consoleUrl: 'https://vigil.example.org/',
  };
}
