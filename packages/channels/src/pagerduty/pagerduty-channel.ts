import type { Channel, OutboundMessage } from '../model/channel.js';
import type { PagerDutyChannelConfig } from '../model/channel-config.schema.js';
import type { Notification } from '../model/notification.js';
import { DeliveryError } from '../http/delivery-error.js';
import { postJson } from '../http/post-json.js';
import { buildPagerDutyEvent } from './build-pagerduty-event.js';
import { pagerDutyEventSchema } from './pagerduty-event.schema.js';

/** PagerDuty Events API v2: one event per incident, each its own message (own retries, own log). */
export function pagerDutyChannel(name: string, config: PagerDutyChannelConfig): Channel {
  return {
    type: 'pagerduty',
    name,
    messages(notification: Notification): OutboundMessage[] {
      return notification.incidents.map((incident) => {
        const payload = buildPagerDutyEvent(incident, notification, config.routing_key);
        return {
          id: `${notification.id}:${incident.id}`,
          action: payload.event_action,
          incidentIds: [incident.id],
          payload,
        };
      });
    },
    async send(message, signal) {
      // Our own output is checked against the documented schema: a bad event would be a 400 anyway.
      const checked = pagerDutyEventSchema.safeParse(message.payload);
      if (!checked.success) {
        throw new DeliveryError(
          `${name}: event does not match the Events API v2 schema: ${checked.error.message}`,
          {
            code: 'INVALID_EVENT',
            retriable: false,
          },
        );
      }
      const result = await postJson(config.url, checked.data, {
        timeoutMs: config.timeout_ms,
        target: name,
        ...(signal === undefined ? {} : { signal }),
      });
      return { status: result.status };
    },
  };
}
