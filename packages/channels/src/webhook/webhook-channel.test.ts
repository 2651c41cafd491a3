import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../delivery/deliver.js';
import { webhookChannelSchema } from '../model/channel-config.schema.js';
import { HttpReceiver } from '../testing/http-receiver.js';
import { notificationFixture } from '../testing/notification-fixture.js';
import { webhookChannel } from './webhook-channel.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'a-webhook-secret-of-some-length';
const retry = { retries: 3, initial_delay_ms: 10, max_delay_ms: 50, max_retry_after_ms: 5_000 };
let receiver: HttpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('signed webhook channel', () => {
  it('signs timestamp.body with HMAC-SHA256, verified by the receiver', async () => {
    receiver = await HttpReceiver.start((request) => {
      const verdict = verifyWebhook({
        secret: SECRET,
        body: request.body,
        timestamp: request.headers['x-vigil-timestamp'] as string | undefined,
        signature: request.headers['x-vigil-signature'] as string | undefined,
      });
      return verdict.ok ? { status: 204 } : { status: 401, body: verdict.reason };
    });
    const config = webhookChannelSchema.parse({
      type: 'webhook',
      url: `${receiver.url}/hook`,
      secret: SECRET,
      headers: { 'x-team': 'secops' },
    });
    const notification = notificationFixture({ id: 'delivery-42' });
    const report = await deliver(webhookChannel('soar/0', config), notification, { retry });
    expect(report.delivered).toBe(true);
    const request = receiver.requests[0]!;
    expect(request.status).toBe(204);
    expect(request.headers['x-vigil-delivery']).toBe('delivery-42');
    expect(request.headers['x-team']).toBe('secops');
    expect(request.headers['x-vigil-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(JSON.parse(request.body)).toMatchObject({
      version: 1,
      notification_id: 'delivery-42',
      incidents: [{ id: notification.incidents[0]!.id }],
    });
  });

  it('fails verification for a changed body, a wrong secret, or a stale timestamp', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const ts = Math.floor(now.getTime() / 1000);
    const body = '{"a":1}';
    const signature = signWebhook(SECRET, ts, body);
    expect(verifyWebhook({ secret: SECRET, body, timestamp: String(ts), signature, now })).toEqual({
      ok: true,
    });
    expect(verifyWebhook({ secret: SECRET, body: '{"a":2}', timestamp: String(ts), signature, now })).toEqual(
      { ok: false, reason: 'signature mismatch' },
    );
    expect(
      verifyWebhook({ secret: 'other-secret-xxxxxx', body, timestamp: String(ts), signature, now }).ok,
    ).toBe(false);
    expect(
      verifyWebhook({
        secret: SECRET,
        body,
        timestamp: String(ts - 301),
        signature: signWebhook(SECRET, ts - 301, body),
        now,
      }),
    ).toEqual({
      ok: false,
      reason: 'timestamp outside tolerance',
    });
    expect(
      verifyWebhook({ secret: SECRET, body, timestamp: String(ts), signature: `v1=00,${signature}`, now }),
    ).toEqual({ ok: true });
  });

  it('requires a secret of useful length', () => {
    expect(
      webhookChannelSchema.safeParse({ type: 'webhook', url: 'http://127.0.0.1/', secret: 'short' }).success,
    ).toBe(false);
  });
});
