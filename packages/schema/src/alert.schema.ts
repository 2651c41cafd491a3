import { z } from 'zod';

export const RULE_LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const RULE_TYPES = [
  'signature',
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'absence',
  'new_terms',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];

/** ECS `event.severity`-style number for each Sigma level, so alerts sort and route by severity. */
export const LEVEL_SEVERITY: Readonly<Record<RuleLevel, number>> = {
  informational: 10,
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
};

const groupValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * An alert: one firing of one rule for one group. Its `id` is deterministic — sha256 of the rule id
 * and version, the group values and the ids of the events that made the window — so replaying the
 * same input yields byte-identical alerts and indexing by `_id` is idempotent.
 */
export const alertSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** Event time at which the rule fired (the `@timestamp` of the event that satisfied it). */
  '@timestamp': z.iso.datetime({ offset: true }),
  kind: z.literal('alert'),
  rule: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    level: z.enum(RULE_LEVELS),
    type: z.enum(RULE_TYPES),
    version: z.string().optional(),
    description: z.string().optional(),
    tags: z.array(z.string()).default([]),
    /** The Sigma detection rules under a correlation rule, if any. */
    rules: z.array(z.string()).optional(),
  }),
  severity: z.number().int().min(0).max(100),
  /** The values of the rule's group-by fields, keyed by field name (ECS dotted names). */
  group: z.record(z.string(), groupValue),
  window: z.object({
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
  }),
  /** Events counted in the window (event_count), or the number of distinct values (value_count). */
  count: z.number().int().nonnegative(),
  distinct: z
    .object({
      field: z.string(),
      values: z.array(z.string()),
    })
    .optional(),
  evidence: z.object({
    event_ids: z.array(z.string()),
    /** True when the window held more events than the alert carries (the list is capped). */
    truncated: z.boolean().default(false),
  }),
  /** The dataset(s) of the evidence events, e.g. `system.auth`. */
  datasets: z.array(z.string()).default([]),
  /** A copy of a few fields of the last matching event, for people reading the alert. */
  summary: z.record(z.string(), z.unknown()).optional(),
});

export type Alert = z.infer<typeof alertSchema>;
export type AlertInput = z.input<typeof alertSchema>;
