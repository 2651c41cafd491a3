import type { ChannelType } from './channel-config.schema.js';
import type { Notification } from './notification.js';

/** One unit of delivery: retried on its own, logged on its own. */
export interface OutboundMessage {
  /** Deterministic: the notification id plus what part of it this is. */
  readonly id: string;
  readonly action: string;
  readonly incidentIds: readonly string[];
  readonly payload: unknown;
}

export interface SendResult {
  readonly status?: number;
}

/**
 * A configured destination. `messages` splits a notification into independently retried units;
 * `send` makes one attempt and throws a DeliveryError saying whether to retry.
 */
export interface Channel {
  readonly type: ChannelType;
  /** `<receiver>/<index>`: names the channel in logs without its secret. */
  readonly name: string;
  messages(notification: Notification): OutboundMessage[];
  send(message: OutboundMessage, signal?: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}
