import type { estypes } from '@elastic/elasticsearch';
import { date, integer, keyword, long, object, text, textKeyword } from './ecs-field-types.js';

/** The fields of `incidentSchema` (packages/schema). */
export const incidentProperties: Record<string, estypes.MappingProperty> = {
  id: keyword,
  title: textKeyword,
  state: keyword,
  level: keyword,
  severity: integer,
  severity_override: integer,
  entity: object({ field: keyword, value: keyword }),
  alert_ids: keyword,
  rule_ids: keyword,
  tags: keyword,
  assignee: keyword,
  created_at: date,
  updated_at: date,
  first_seen: date,
  last_seen: date,
  acknowledged_at: date,
  resolved_at: date,
  timeline: object({
    at: date,
    actor: keyword,
    action: keyword,
    from: keyword,
    to: keyword,
    note: text,
    alert_id: keyword,
  }),
  version: long,
};

/**
 * Notification attempts (one document per attempt to page or message someone about an incident).
 * No schema in packages/schema yet: these are the fields the notifier is expected to write; other
 * fields are mapped dynamically (strings as keywords).
 */
export const notificationProperties: Record<string, estypes.MappingProperty> = {
  '@timestamp': date,
  id: keyword,
  incident: object({ id: keyword, severity: integer, level: keyword, state: keyword }),
  channel: keyword,
  destination: keyword,
  status: keyword,
  attempt: integer,
  dedup_key: keyword,
  error: object({ message: text, code: keyword }),
  duration_ms: long,
};
