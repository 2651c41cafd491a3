import type { Incident, IncidentState, TimelineEntry } from '@vigil/schema';
import { foldAlert } from './attach-alert.js';
import type { IncidentAction } from './incident-action.schema.js';
import { invalidAction, invalidTransition, type IncidentResult } from './incident-result.js';

export interface ReduceLimits {
  readonly maxAlertIds: number;
  readonly maxTimeline: number;
}

const DEFAULT_LIMITS: ReduceLimits = { maxAlertIds: 1000, maxTimeline: 500 };

type Entry = Omit<TimelineEntry, 'at' | 'actor'>;

/** Drops the oldest `alert_attached` entries first: state changes and notes are what people audit. */
function trimTimeline(timeline: TimelineEntry[], max: number): TimelineEntry[] {
  let excess = timeline.length - max;
  if (excess <= 0) return timeline;
  const kept = timeline.filter((entry) => {
    if (excess > 0 && entry.action === 'alert_attached') {
      excess--;
      return false;
    }
    return true;
  });
  return kept.length > max ? kept.slice(kept.length - max) : kept;
}

function apply(
  incident: Incident,
  patch: Partial<Incident>,
  entry: Entry,
  actor: string,
  now: Date,
  limits: ReduceLimits,
): IncidentResult {
  const at = now.toISOString();
  const timeline = trimTimeline([...incident.timeline, { at, actor, ...entry }], limits.maxTimeline);
  return {
    ok: true,
    changed: true,
    incident: { ...incident, ...patch, timeline, updated_at: at, version: incident.version + 1 },
  };
}

function unchanged(incident: Incident): IncidentResult {
  return { ok: true, changed: false, incident };
}

function withoutKeys(incident: Incident, ...keys: (keyof Incident)[]): Incident {
  const copy: Partial<Incident> = { ...incident };
  for (const key of keys) Reflect.deleteProperty(copy, key);
  return copy as Incident;
}

function transition(
  incident: Incident,
  to: IncidentState,
  allowedFrom: readonly IncidentState[],
  verb: string,
  action: { actor: string; note?: string | undefined },
  now: Date,
  limits: ReduceLimits,
): IncidentResult {
  if (incident.state === to) return unchanged(incident);
  if (!allowedFrom.includes(incident.state)) {
    return invalidTransition(incident, verb, `allowed from ${allowedFrom.join(' or ')}`);
  }
  const at = now.toISOString();
  const base = to === 'open' ? withoutKeys(incident, 'acknowledged_at', 'resolved_at') : incident;
  const patch: Partial<Incident> = { state: to };
  if (to === 'acknowledged') patch.acknowledged_at = at;
  if (to === 'resolved' || to === 'false_positive') patch.resolved_at = at;
  const timelineAction = to === 'open' ? 'reopened' : to;
  const entry: Entry = { action: timelineAction, from: incident.state, to };
  if (action.note !== undefined) entry.note = action.note;
  return apply(base, patch, entry, action.actor, now, limits);
}

/**
 * The incident lifecycle as a pure reducer: `open → acknowledged → resolved`, `false_positive`
 * from any live or resolved state, `reopen` back to open. Refusals are results (409/422), never
 * exceptions; repeating an action already in effect is `changed: false`. Every change appends a
 * timeline entry and increments `version`.
 */
export function reduceIncident(
  incident: Incident,
  action: IncidentAction,
  now: Date,
  limits: ReduceLimits = DEFAULT_LIMITS,
): IncidentResult {
  switch (action.type) {
    case 'acknowledge':
      return transition(incident, 'acknowledged', ['open'], 'acknowledge', action, now, limits);
    case 'resolve':
      return transition(incident, 'resolved', ['open', 'acknowledged'], 'resolve', action, now, limits);
    case 'false_positive':
      return transition(
        incident,
        'false_positive',
        ['open', 'acknowledged', 'resolved'],
        'mark as false positive',
        action,
        now,
        limits,
      );
    case 'reopen':
      return transition(incident, 'open', ['resolved', 'false_positive'], 'reopen', action, now, limits);
    case 'assign': {
      if ((incident.assignee ?? null) === action.assignee) return unchanged(incident);
      const entry: Entry = { action: 'assigned' };
      if (incident.assignee !== undefined) entry.from = incident.assignee;
      if (action.assignee !== null) entry.to = action.assignee;
      const base = action.assignee === null ? withoutKeys(incident, 'assignee') : incident;
      const patch: Partial<Incident> = action.assignee === null ? {} : { assignee: action.assignee };
      return apply(base, patch, entry, action.actor, now, limits);
    }
    case 'note':
      if (action.note.trim() === '') return invalidAction('a note must not be empty');
      return apply(incident, {}, { action: 'noted', note: action.note }, action.actor, now, limits);
    case 'set_severity': {
      if ((incident.severity_override ?? null) === action.severity) return unchanged(incident);
      const entry: Entry = {
        action: 'severity_changed',
        from: String(incident.severity_override ?? incident.severity),
      };
      entry.to = String(action.severity ?? incident.severity);
      if (action.note !== undefined) entry.note = action.note;
      const base = action.severity === null ? withoutKeys(incident, 'severity_override') : incident;
      const patch: Partial<Incident> = action.severity === null ? {} : { severity_override: action.severity };
      return apply(base, patch, entry, action.actor, now, limits);
    }
    case 'attach_alert': {
      if (incident.state === 'resolved' || incident.state === 'false_positive') {
        return invalidTransition(incident, 'attach an alert to', 'a new incident must open instead');
      }
      const folded = foldAlert(incident, action.alert, limits.maxAlertIds);
      if (folded === undefined) return unchanged(incident);
      const entry: Entry = { action: 'alert_attached', alert_id: action.alert.id };
      if (folded.severity !== incident.severity) {
        entry.from = String(incident.severity);
        entry.to = String(folded.severity);
      }
      return apply(incident, folded, entry, action.actor, now, limits);
    }
    case 'record_escalation':
      return apply(
        incident,
        {},
        { action: 'escalated', to: String(action.level), note: action.targets.join(', ') },
        action.actor,
        now,
        limits,
      );
    case 'record_notification':
      return apply(
        incident,
        {},
        { action: 'notified', to: action.receiver, note: action.outcome },
        action.actor,
        now,
        limits,
      );
  }
}
