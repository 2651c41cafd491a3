import type { Channel } from '../model/channel.js';
import type { SlackChannelConfig } from '../model/channel-config.schema.js';
import { postJson } from '../http/post-json.js';
import { actionFor } from '../model/notification.js';
import { buildSlackMessage } from './build-slack-message.js';

/** Slack incoming webhook: one message per notification (text fallback + blocks). */
export function slackChannel(name: string, config: SlackChannelConfig): Channel {
  return {
    type: 'slack',
    name,
    messages: (notification) => [
      {
        id: notification.id,
        action:
          notification.incidents.length === 1 && notification.incidents[0] !== undefined
            ? actionFor(notification.incidents[0])
            : 'batch',
        incidentIds: notification.incidents.map((i) => i.id),
        payload: buildSlackMessage(notification),
      },
    ],
    async send(message, signal) {
      const result = await postJson(config.webhook_url, message.payload, {
        timeoutMs: config.timeout_ms,
        target: name,
        ...(signal === undefined ? {} : { signal }),
      });
      return { status: result.status };
    },
  };
}
