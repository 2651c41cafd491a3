import type { Channel } from '../model/channel.js';
import { DEFAULT_RATE_LIMITS, type ChannelConfig, type SmtpConfig } from '../model/channel-config.schema.js';
import { emailChannel } from '../email/email-channel.js';
import { pagerDutyChannel } from '../pagerduty/pagerduty-channel.js';
import { TokenBucket } from '../rate-limit/token-bucket.js';
import { slackChannel } from '../slack/slack-channel.js';
import { webhookChannel } from '../webhook/webhook-channel.js';

export interface ChannelDefaults {
  readonly smtp?: SmtpConfig;
  readonly from?: string;
}

/** A channel ready to use: the sender, its rate limiter and its retry settings. */
export interface ConfiguredChannel {
  readonly channel: Channel;
  readonly bucket: TokenBucket;
  readonly config: ChannelConfig;
}

/** Builds the channel for one validated `receivers[].channels[]` entry. */
export function createChannel(
  receiver: string,
  index: number,
  config: ChannelConfig,
  defaults: ChannelDefaults = {},
): ConfiguredChannel {
  const name = `${receiver}/${index}`;
  let channel: Channel;
  switch (config.type) {
    case 'pagerduty':
      channel = pagerDutyChannel(name, config);
      break;
    case 'slack':
      channel = slackChannel(name, config);
      break;
    case 'webhook':
      channel = webhookChannel(name, config);
      break;
    case 'email':
      channel = emailChannel(name, config, defaults);
      break;
  }
  const limit = config.rate_limit ?? DEFAULT_RATE_LIMITS[config.type];
  return { channel, bucket: new TokenBucket(limit.burst, limit.per_second), config };
}
