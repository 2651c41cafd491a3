import { z } from 'zod';
import { RULE_LEVELS } from './alert.schema.js';

export const INCIDENT_STATES = ['open', 'acknowledged', 'resolved', 'false_positive'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export const timelineEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  /** `system` for automatic changes, otherwise the user or token name. */
  actor: z.string().min(1),
  action: z.enum([
    'opened',
    'alert_attached',
    'acknowledged',
    'assigned',
    'noted',
    'resolved',
    'reopened',
    'false_positive',
    'severity_changed',
    'escalated',
    'notified',
  ]),
  from: z.string().optional(),
  to: z.string().optional(),
  note: z.string().optional(),
  alert_id: z.string().optional(),
});

/**
 * An incident groups the alerts about one entity (a source address, a user, a host) over time.
 * Its `id` is deterministic (sha256 of the grouping key and the opening alert's id), and doubles as
 * the paging dedup key. Stored with optimistic concurrency: `version` increments on every change.
 */
export const incidentSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  title: z.string().min(1),
  state: z.enum(INCIDENT_STATES),
  level: z.enum(RULE_LEVELS),
  severity: z.number().int().min(0).max(100),
  severity_override: z.number().int().min(0).max(100).optional(),
  entity: z.object({ field: z.string().min(1), value: z.string() }),
  alert_ids: z.array(z.string()),
  rule_ids: z.array(z.string()),
  tags: z.array(z.string()),
  assignee: z.string().optional(),
  created_at: z.iso.datetime({ offset: true }),
  updated_at: z.iso.datetime({ offset: true }),
  first_seen: z.iso.datetime({ offset: true }),
  last_seen: z.iso.datetime({ offset: true }),
  acknowledged_at: z.iso.datetime({ offset: true }).optional(),
  resolved_at: z.iso.datetime({ offset: true }).optional(),
  timeline: z.array(timelineEntrySchema),
  version: z.number().int().nonnegative(),
});

export type Incident = z.infer<typeof incidentSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
