import type { Alert, Incident } from '@vigil/schema';
import type { Entity } from '../entity/entity-of.js';
import { incidentId } from '../entity/incident-id.js';
import { attackTags } from '../tags/attack-tags.js';

/** A new incident opened by `alert` about `entity`. */
export function openIncident(alert: Alert, entity: Entity, now: Date): Incident {
  const at = now.toISOString();
  return {
    id: incidentId(entity, alert.id),
    title: `${alert.rule.title} — ${entity.field} ${entity.value}`,
    state: 'open',
    level: alert.rule.level,
    severity: alert.severity,
    entity: { field: entity.field, value: entity.value },
    alert_ids: [alert.id],
    rule_ids: [alert.rule.id],
    tags: attackTags(alert.rule.tags),
    created_at: at,
    updated_at: at,
    first_seen: alert['@timestamp'],
    last_seen: alert['@timestamp'],
    timeline: [{ at, actor: 'system', action: 'opened', to: 'open', alert_id: alert.id }],
    version: 1,
  };
}
