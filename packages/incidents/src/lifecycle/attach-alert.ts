import type { Alert, Incident } from '@vigil/schema';
import { maxLevel } from '../severity/severity.js';
import { attackTags, mergeTags } from '../tags/attack-tags.js';

function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function earlier(a: string, b: string): string {
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * The incident's alert-derived fields with `alert` folded in, or undefined when the alert adds
 * nothing. Past `maxAlertIds` the id is no longer stored, so a replayed alert is recognised by
 * bringing no new time, severity, level, rule or tag.
 */
export function foldAlert(
  incident: Incident,
  alert: Alert,
  maxAlertIds: number,
):
  | Pick<Incident, 'alert_ids' | 'rule_ids' | 'tags' | 'severity' | 'level' | 'first_seen' | 'last_seen'>
  | undefined {
  if (incident.alert_ids.includes(alert.id)) return undefined;
  const alertIds =
    incident.alert_ids.length < maxAlertIds ? [...incident.alert_ids, alert.id] : incident.alert_ids;
  const ruleIds = incident.rule_ids.includes(alert.rule.id)
    ? incident.rule_ids
    : [...incident.rule_ids, alert.rule.id];
  const tags = mergeTags(incident.tags, attackTags(alert.rule.tags));
  const next = {
    alert_ids: alertIds,
    rule_ids: ruleIds,
    tags,
    severity: Math.max(incident.severity, alert.severity),
    level: maxLevel(incident.level, alert.rule.level),
    first_seen: earlier(incident.first_seen, alert['@timestamp']),
    last_seen: later(incident.last_seen, alert['@timestamp']),
  };
  const unchanged =
    next.alert_ids === incident.alert_ids &&
    next.rule_ids === incident.rule_ids &&
    sameList(next.tags, incident.tags) &&
    next.severity === incident.severity &&
    next.level === incident.level &&
    next.first_seen === incident.first_seen &&
    next.last_seen === incident.last_seen;
  return unchanged ? undefined : next;
}
