import { effectiveLevel, effectiveSeverity, mitreTechniques } from '@vigil/incidents';
import type { Incident, RuleLevel } from '@vigil/schema';
import { actionFor, incidentLink, type Notification } from '../model/notification.js';
import type { PagerDutyEvent, PagerDutySeverity } from './pagerduty-event.schema.js';

const SEVERITY: Readonly<Record<RuleLevel, PagerDutySeverity>> = {
  critical: 'critical',
  high: 'error',
  medium: 'warning',
  low: 'info',
  informational: 'info',
};

export const PAGERDUTY_SUMMARY_MAX = 1024;

/** Cuts text to `max` characters (code points, so no half surrogate pair), marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The Events API v2 event for one incident: trigger while open (the dedup_key is the incident
 * id, so re-sending updates the same PagerDuty alert), acknowledge or resolve afterwards.
 */
export function buildPagerDutyEvent(
  incident: Incident,
  notification: Notification,
  routingKey: string,
): PagerDutyEvent {
  const action = actionFor(incident);
  if (action !== 'trigger') return { routing_key: routingKey, event_action: action, dedup_key: incident.id };
  const link = incidentLink(notification, incident.id);
  const escalation = notification.escalation;
  const prefix = escalation === undefined ? '' : `[escalation L${escalation.level + 1}] `;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: incident.id,
    payload: {
      summary: truncate(`${prefix}${incident.title}`, PAGERDUTY_SUMMARY_MAX),
      source: incident.entity.value === '' ? 'vigil' : incident.entity.value,
      severity: SEVERITY[effectiveLevel(incident)],
      timestamp: incident.first_seen,
      component: incident.entity.field,
      group: incident.rule_ids[0] ?? 'vigil',
      class: 'security-incident',
      custom_details: {
        incident_id: incident.id,
        state: incident.state,
        severity: effectiveSeverity(incident),
        entity: `${incident.entity.field}=${incident.entity.value}`,
        rules: incident.rule_ids.join(', '),
        attack_techniques: mitreTechniques(incident.tags).join(', '),
        alerts: incident.alert_ids.length,
        first_seen: incident.first_seen,
        last_seen: incident.last_seen,
        ...(incident.assignee === undefined ? {} : { assignee: incident.assignee }),
        ...(escalation === undefined
          ? {}
          : { escalation_policy: escalation.policy, escalation_level: escalation.level + 1 }),
      },
    },
    client: 'Vigil',
    ...(link === undefined ? {} : { client_url: link, links: [{ href: link, text: 'Open in Vigil' }] }),
  };
}
