import type { Channel } from '../model/channel.js';
import type { WebhookChannelConfig } from '../model/channel-config.schema.js';
import { postBody } from '../http/post-json.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.js';

export const WEBHOOK_PAYLOAD_VERSION = 1;

/**
 * A generic signed webhook: the notification as JSON, with X-Vigil-Timestamp, X-Vigil-Signature
 * and X-Vigil-Delivery (the notification id: receivers de-duplicate retries by it).
 */
export function webhookChannel(
  name: string,
  config: WebhookChannelConfig,
  now: () => Date = () => new Date(),
): Channel {
  return {
    type: 'webhook',
    name,
    messages: (notification) => [
      {
        id: notification.id,
        action: notification.reason,
        incidentIds: notification.incidents.map((i) => i.id),
        payload: {
          version: WEBHOOK_PAYLOAD_VERSION,
          notification_id: notification.id,
          receiver: notification.receiver,
          reason: notification.reason,
          ...(notification.escalation === undefined ? {} : { escalation: notification.escalation }),
          incidents: notification.incidents,
        },
      },
    ],
    async send(message, signal) {
      const body = JSON.stringify(message.payload);
      // Signed at each attempt: a retry carries a fresh timestamp within the receiver's tolerance.
      const timestamp = Math.floor(now().getTime() / 1000);
      const result = await postBody(config.url, body, 'application/json', {
        timeoutMs: config.timeout_ms,
        target: name,
        headers: {
          ...config.headers,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(config.secret, timestamp, body),
          [DELIVERY_HEADER]: message.id,
        },
        ...(signal === undefined ? {} : { signal }),
      });
      return { status: result.status };
    },
  };
}
