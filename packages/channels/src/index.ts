export { DeliveryError } from './http/delivery-error.js';
export { parseRetryAfter } from './http/retry-after.js';
export { postJson, postBody, type PostOptions, type PostResult } from './http/post-json.js';
export { TokenBucket } from './rate-limit/token-bucket.js';
export {
  actionFor,
  incidentLink,
  type Notification,
  type NotificationReason,
  type IncidentAction,
} from './model/notification.js';
export {
  notificationLogEntrySchema,
  DELIVERY_OUTCOMES,
  type NotificationLogEntry,
  type DeliveryOutcome,
} from './model/notification-log.schema.js';
export {
  channelConfigSchema,
  pagerDutyChannelSchema,
  slackChannelSchema,
  webhookChannelSchema,
  emailChannelSchema,
  smtpSchema,
  DEFAULT_RATE_LIMITS,
  type ChannelConfig,
  type ChannelType,
  type PagerDutyChannelConfig,
  type SlackChannelConfig,
  type WebhookChannelConfig,
  type EmailChannelConfig,
  type SmtpConfig,
  type RetryConfig,
} from './model/channel-config.schema.js';
export type { Channel, OutboundMessage, SendResult } from './model/channel.js';
export {
  pagerDutyEventSchema,
  pagerDutyTriggerSchema,
  pagerDutyFollowUpSchema,
  pagerDutyAcceptedSchema,
  PAGERDUTY_SEVERITIES,
  type PagerDutyEvent,
  type PagerDutyTrigger,
  type PagerDutyFollowUp,
  type PagerDutySeverity,
} from './pagerduty/pagerduty-event.schema.js';
export { buildPagerDutyEvent, truncate, PAGERDUTY_SUMMARY_MAX } from './pagerduty/build-pagerduty-event.js';
export { pagerDutyChannel } from './pagerduty/pagerduty-channel.js';
export {
  parsePagerDutyWebhook,
  verifyPagerDutySignature,
  type PagerDutyWebhookResult,
} from './pagerduty/pagerduty-webhook.js';
export {
  slackMessageSchema,
  slackBlockSchema,
  type SlackMessage,
  type SlackBlock,
} from './slack/slack-message.schema.js';
export { buildSlackMessage, escapeMrkdwn } from './slack/build-slack-message.js';
export { slackChannel } from './slack/slack-channel.js';
export {
  signWebhook,
  verifyWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  DELIVERY_HEADER,
  type WebhookVerification,
} from './webhook/webhook-signature.js';
export { webhookChannel, WEBHOOK_PAYLOAD_VERSION } from './webhook/webhook-channel.js';
export { buildEmail, type EmailContent } from './email/build-email.js';
export { emailChannel } from './email/email-channel.js';
export { deliver, type DeliverOptions, type DeliveryReport } from './delivery/deliver.js';
export { createChannel, type ChannelDefaults, type ConfiguredChannel } from './delivery/create-channel.js';
