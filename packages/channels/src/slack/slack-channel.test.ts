import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../delivery/deliver.js';
import { slackChannelSchema } from '../model/channel-config.schema.js';
import { HttpReceiver } from '../testing/http-receiver.js';
import { notificationFixture } from '../testing/notification-fixture.js';
import { buildSlackMessage, escapeMrkdwn } from './build-slack-message.js';
import { slackMessageSchema } from './slack-message.schema.js';
import { slackChannel } from './slack-channel.js';

const retry = { retries: 3, initial_delay_ms: 10, max_delay_ms: 50, max_retry_after_ms: 5_000 };
let receiver: HttpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Slack answers `ok` for a valid message and `invalid_payload` (400) otherwise. */
function slackLike(): Promise<HttpReceiver> {
  return HttpReceiver.start((request) => {
    const parsed = slackMessageSchema.safeParse(JSON.parse(request.body));
    return parsed.success ? { status: 200, body: 'ok' } : { status: 400, body: 'invalid_payload' };
  });
}

describe('Slack channel', () => {
  it('posts text and blocks that follow Block Kit limits', async () => {
    receiver = await slackLike();
    const secretPath = '/services/T000/B000/XXXXSECRET';
    const channel = slackChannel(
      'slack/0',
      slackChannelSchema.parse({ type: 'slack', webhook_url: `${receiver.url}${secretPath}` }),
    );
    const report = await deliver(channel, notificationFixture({ count: 2 }), { retry });
    expect(report.delivered).toBe(true);
    expect(receiver.requests[0]).toMatchObject({ path: secretPath, status: 200 });
    const message = slackMessageSchema.parse(JSON.parse(receiver.requests[0]!.body));
    expect(message.blocks?.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(JSON.stringify(report.entries)).not.toContain('SECRET');
  });

  it('stays valid with many incidents and very long titles', () => {
    const message = buildSlackMessage(notificationFixture({ count: 60, title: 'x'.repeat(5000) }));
    expect(slackMessageSchema.safeParse(message).success).toBe(true);
    expect(message.blocks).toHaveLength(22);
  });

  it('escapes mrkdwn control characters', () => {
    expect(escapeMrkdwn('<script> & <!channel>')).toBe('&lt;script&gt; &amp; &lt;!channel&gt;');
    const message = buildSlackMessage(notificationFixture({ title: 'ping <!channel>' }));
    // Header blocks are plain_text (shown literally); mrkdwn sections and the fallback text are escaped.
    const mrkdwn = [
      message.text,
      ...(message.blocks ?? []).flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])),
    ];
    expect(mrkdwn.join('\n')).not.toContain('<!channel>');
    expect(mrkdwn.join('\n')).toContain('&lt;!channel&gt;');
  });

  it('retries a 429 from Slack after Retry-After', async () => {
    receiver = await HttpReceiver.start((_r, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 200, body: 'ok' },
    );
    const channel = slackChannel(
      'slack/0',
      slackChannelSchema.parse({ type: 'slack', webhook_url: receiver.url }),
    );
    const report = await deliver(channel, notificationFixture(), { retry });
    expect(report.entries.map((e) => [e.outcome, e.retry_in_ms])).toEqual([
      ['retrying', 0],
      ['delivered', undefined],
    ]);
  });
});
