import type { Alert, Incident } from '@vigil/schema';
import { entityOf, type Entity } from '../entity/entity-of.js';
import { openIncident } from '../lifecycle/open-incident.js';
import { reduceIncident } from '../lifecycle/reduce-incident.js';
import type { IncidentError } from '../lifecycle/incident-result.js';
import type { GroupingConfig } from './grouping-config.schema.js';

export type GroupingOutcome =
  /** A new incident: the alert's entity had no open incident within the window. */
  | { readonly kind: 'opened'; readonly incident: Incident; readonly entity: Entity }
  /** The alert joined an open or acknowledged incident. */
  | {
      readonly kind: 'attached';
      readonly incident: Incident;
      readonly previous: Incident;
      readonly entity: Entity;
    }
  /** The alert is already part of an incident (a replay): nothing changes. */
  | { readonly kind: 'duplicate'; readonly incident: Incident; readonly entity: Entity }
  | { readonly kind: 'rejected'; readonly error: IncidentError; readonly entity: Entity };

const ACTIVE = new Set<Incident['state']>(['open', 'acknowledged']);

function within(incident: Incident, alertMs: number, windowMs: number): boolean {
  const first = Date.parse(incident.first_seen);
  const last = Date.parse(incident.last_seen);
  return alertMs <= last + windowMs && alertMs >= first - windowMs;
}

/**
 * Decides where one alert goes. `candidates` are the stored incidents for the alert's entity (any
 * state; the caller looks them up by `entityOf(alert, config.entityFields)`). Pure: the same alert,
 * candidates and config give the same outcome, so a replayed alert never opens a second incident.
 */
export function groupAlert(
  alert: Alert,
  candidates: readonly Incident[],
  config: GroupingConfig,
  now: Date,
): GroupingOutcome {
  const entity = entityOf(alert, config.entityFields);
  const same = candidates.filter((i) => i.entity.field === entity.field && i.entity.value === entity.value);
  const holder = same.find((i) => i.alert_ids.includes(alert.id));
  if (holder !== undefined) return { kind: 'duplicate', incident: holder, entity };

  const alertMs = Date.parse(alert['@timestamp']);
  const absorbing = same
    .filter((i) => ACTIVE.has(i.state) && within(i, alertMs, config.windowMs))
    .sort((a, b) => Date.parse(b.last_seen) - Date.parse(a.last_seen))[0];
  if (absorbing === undefined) return { kind: 'opened', incident: openIncident(alert, entity, now), entity };

  const result = reduceIncident(absorbing, { type: 'attach_alert', alert, actor: 'system' }, now, config);
  if (!result.ok) return { kind: 'rejected', error: result.error, entity };
  if (!result.changed) return { kind: 'duplicate', incident: absorbing, entity };
  return { kind: 'attached', incident: result.incident, previous: absorbing, entity };
}
