import { z } from 'zod';

export const DEFAULT_ENTITY_FIELDS = ['source.ip', 'user.name', 'host.hostname'] as const;

/** How alerts become incidents. */
export const groupingConfigSchema = z.object({
  /** Alert group fields that name an entity, in order of preference: the first present wins. */
  entityFields: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_ENTITY_FIELDS]),
  /**
   * An open or acknowledged incident absorbs a new alert about the same entity when the alert's
   * time is within this many ms of the incident's last (or before its first) alert.
   */
  windowMs: z
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  /**
   * At most this many alert ids are kept on one incident (the document must stay small); later
   * alerts still raise its severity, tags and last_seen, and are counted in the timeline.
   */
  maxAlertIds: z.number().int().positive().default(1000),
  /** At most this many timeline entries are kept; the oldest `alert_attached` entries go first. */
  maxTimeline: z.number().int().positive().default(500),
});

export type GroupingConfig = z.infer<typeof groupingConfigSchema>;
export type GroupingConfigInput = z.input<typeof groupingConfigSchema>;
