import { z } from 'zod';

/**
 * PagerDuty Events API v2 (`POST https://events.pagerduty.com/v2/enqueue`), as documented:
 * `routing_key` (32 characters), `event_action` trigger | acknowledge | resolve, `dedup_key`
 * (at most 255 characters; required for acknowledge and resolve), and for trigger a `payload`
 * with `summary` (at most 1024 characters), `source` and `severity` (critical, error, warning,
 * info) required, `timestamp`, `component`, `group`, `class` and `custom_details` optional;
 * optional `images`, `links`, `client` and `client_url`. Used to check what Vigil sends, in
 * tests by the fake receiver and before each send.
 */
export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];

const routingKey = z.string().length(32);
const dedupKey = z.string().min(1).max(255);

export const pagerDutyTriggerSchema = z.strictObject({
  routing_key: routingKey,
  event_action: z.literal('trigger'),
  dedup_key: dedupKey.optional(),
  payload: z.strictObject({
    summary: z.string().min(1).max(1024),
    source: z.string().min(1),
    severity: z.enum(PAGERDUTY_SEVERITIES),
    timestamp: z.iso.datetime({ offset: true }).optional(),
    component: z.string().optional(),
    group: z.string().optional(),
    class: z.string().optional(),
    custom_details: z.record(z.string(), z.unknown()).optional(),
  }),
  images: z
    .array(z.strictObject({ src: z.url(), href: z.url().optional(), alt: z.string().optional() }))
    .optional(),
  links: z.array(z.strictObject({ href: z.url(), text: z.string().optional() })).optional(),
  client: z.string().optional(),
  client_url: z.url().optional(),
});

export const pagerDutyFollowUpSchema = z.strictObject({
  routing_key: routingKey,
  event_action: z.enum(['acknowledge', 'resolve']),
  dedup_key: dedupKey,
});

export const pagerDutyEventSchema = z.union([pagerDutyTriggerSchema, pagerDutyFollowUpSchema]);

/** The documented 202 answer. */
export const pagerDutyAcceptedSchema = z.object({
  status: z.literal('success'),
  message: z.string(),
  dedup_key: z.string(),
});

export type PagerDutyTrigger = z.infer<typeof pagerDutyTriggerSchema>;
export type PagerDutyFollowUp = z.infer<typeof pagerDutyFollowUpSchema>;
export type PagerDutyEvent = z.infer<typeof pagerDutyEventSchema>;
