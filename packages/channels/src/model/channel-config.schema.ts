import { z } from 'zod';

const rateLimit = z.strictObject({
  /** Sustained messages per second. */
  per_second: z.number().positive(),
  /** Messages that may go at once after a quiet spell. */
  burst: z.number().int().min(1),
});

const retry = z.strictObject({
  /** Attempts after the first. */
  retries: z.number().int().min(0).max(20).default(5),
  initial_delay_ms: z.number().int().min(1).default(500),
  max_delay_ms: z.number().int().min(1).default(30_000),
  /** A Retry-After longer than this ends the delivery as failed (retriable later) instead of blocking. */
  max_retry_after_ms: z.number().int().min(0).default(120_000),
});

const common = {
  timeout_ms: z.number().int().min(1).max(120_000).default(10_000),
  rate_limit: rateLimit.optional(),
  retry: retry.default({
    retries: 5,
    initial_delay_ms: 500,
    max_delay_ms: 30_000,
    max_retry_after_ms: 120_000,
  }),
};

export const pagerDutyChannelSchema = z.strictObject({
  type: z.literal('pagerduty'),
  /** The Events API v2 integration key: 32 characters. A secret: never logged. */
  routing_key: z.string().regex(/^[A-Za-z0-9]{32}$/, 'a PagerDuty routing key is 32 letters and digits'),
  url: z.url().default('https://events.pagerduty.com/v2/enqueue'),
  ...common,
});

export const slackChannelSchema = z.strictObject({
  type: z.literal('slack'),
  /** The incoming webhook URL; it holds the secret, so it is never logged. */
  webhook_url: z.url(),
  ...common,
});

export const webhookChannelSchema = z.strictObject({
  type: z.literal('webhook'),
  url: z.url(),
  /** HMAC-SHA256 key for X-Vigil-Signature. */
  secret: z.string().min(16, 'use a secret of at least 16 characters'),
  headers: z.record(z.string(), z.string()).default({}),
  ...common,
});

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  /** Refuse to send without STARTTLS. */
  require_tls: z.boolean().default(false),
});

export const emailChannelSchema = z.strictObject({
  type: z.literal('email'),
  to: z.array(z.email()).min(1),
  from: z.string().min(3).optional(),
  /** Defaults to the notifier's SMTP settings. */
  smtp: smtpSchema.optional(),
  ...common,
});

/** Every channel a receiver can have, told apart by `type`. */
export const channelConfigSchema = z.discriminatedUnion('type', [
  pagerDutyChannelSchema,
  slackChannelSchema,
  webhookChannelSchema,
  emailChannelSchema,
]);

export type ChannelConfig = z.infer<typeof channelConfigSchema>;
export type ChannelType = ChannelConfig['type'];
export type PagerDutyChannelConfig = z.infer<typeof pagerDutyChannelSchema>;
export type SlackChannelConfig = z.infer<typeof slackChannelSchema>;
export type WebhookChannelConfig = z.infer<typeof webhookChannelSchema>;
export type EmailChannelConfig = z.infer<typeof emailChannelSchema>;
export type SmtpConfig = z.infer<typeof smtpSchema>;
export type RetryConfig = z.infer<typeof retry>;

/** Rates that stay within each service's documented or customary limits. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ChannelType, z.infer<typeof rateLimit>>> = {
  pagerduty: { per_second: 2, burst: 10 },
  slack: { per_second: 1, burst: 3 },
  webhook: { per_second: 10, burst: 20 },
  email: { per_second: 1, burst: 5 },
};
