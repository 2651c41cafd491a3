import { z } from 'zod';

export const DELIVERY_OUTCOMES = ['delivered', 'retrying', 'failed'] as const;

/**
 * One delivery attempt and its outcome, as data: the notifier indexes these so people can see
 * what was sent where, when, and why it failed. Never holds a secret (no URLs, no keys).
 */
export const notificationLogEntrySchema = z.object({
  '@timestamp': z.iso.datetime({ offset: true }),
  notification_id: z.string(),
  /** One notification can be several messages (PagerDuty: one event per incident). */
  message_id: z.string(),
  receiver: z.string(),
  channel: z.object({ type: z.string(), name: z.string() }),
  action: z.string(),
  reason: z.string(),
  incident_ids: z.array(z.string()),
  /** 1-based. */
  attempt: z.number().int().min(1),
  outcome: z.enum(DELIVERY_OUTCOMES),
  status_code: z.number().int().optional(),
  error_code: z.string().optional(),
  error: z.string().optional(),
  duration_ms: z.number().nonnegative(),
  /** Set on `retrying`: the wait before the next attempt (Retry-After when the receiver sent one). */
  retry_in_ms: z.number().nonnegative().optional(),
  /** Time spent waiting for the channel's rate limit before this attempt. */
  throttled_ms: z.number().nonnegative().optional(),
});

export type NotificationLogEntry = z.infer<typeof notificationLogEntrySchema>;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
