import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../delivery/deliver.js';
import { pagerDutyChannelSchema } from '../model/channel-config.schema.js';
import { notificationLogEntrySchema } from '../model/notification-log.schema.js';
import type { HttpReceiver } from '../testing/http-receiver.js';
import { notificationFixture } from '../testing/notification-fixture.js';
import { startPagerDutyReceiver } from '../testing/pagerduty-receiver.js';
import { pagerDutyChannel } from './pagerduty-channel.js';
import { pagerDutyTriggerSchema } from './pagerduty-event.schema.js';

const ROUTING_KEY = 'R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12';
const fastRetry = { retries: 4, initial_delay_ms: 10, max_delay_ms: 50, max_retry_after_ms: 5_000 };
let receiver: HttpReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function channelFor(url: string, timeoutMs = 2_000) {
  return pagerDutyChannel(
    'pd/0',
    pagerDutyChannelSchema.parse({
      type: 'pagerduty',
      routing_key: ROUTING_KEY,
      url: `${url}/v2/enqueue`,
      timeout_ms: timeoutMs,
    }),
  );
}

describe('PagerDuty channel', () => {
  it('sends a documented trigger event, dedup_key = incident id, accepted with 202', async () => {
    receiver = await startPagerDutyReceiver();
    const notification = notificationFixture();
    const report = await deliver(channelFor(receiver.url), notification, { retry: fastRetry });
    expect(report).toMatchObject({ delivered: true, failed: [] });
    expect(receiver.requests).toHaveLength(1);
    const sent = pagerDutyTriggerSchema.parse(JSON.parse(receiver.requests[0]!.body));
    const incident = notification.incidents[0]!;
    expect(sent).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: incident.id,
      payload: {
        severity: 'error',
        source: incident.entity.value,
        component: 'source.ip',
        timestamp: incident.first_seen,
      },
      client: 'Vigil',
      client_url: `https://vigil.example.org/incidents/${incident.id}`,
    });
    expect(sent.payload.custom_details).toMatchObject({
      incident_id: incident.id,
      attack_techniques: 'T1110',
    });
    expect(receiver.requests[0]!.status).toBe(202);
    expect(report.entries).toHaveLength(1);
    expect(notificationLogEntrySchema.parse(report.entries[0])).toMatchObject({
      outcome: 'delivered',
      status_code: 202,
      attempt: 1,
    });
  });

  it('sends acknowledge and resolve with the same dedup_key and no payload', async () => {
    receiver = await startPagerDutyReceiver();
    const acked = notificationFixture({ state: 'acknowledged' });
    const resolved = notificationFixture({ state: 'false_positive' });
    await deliver(channelFor(receiver.url), acked, { retry: fastRetry });
    await deliver(channelFor(receiver.url), resolved, { retry: fastRetry });
    expect(receiver.accepted().map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { routing_key: ROUTING_KEY, event_action: 'acknowledge', dedup_key: acked.incidents[0]!.id },
      { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: resolved.incidents[0]!.id },
    ]);
  });

  it('keeps the summary within 1024 characters', async () => {
    receiver = await startPagerDutyReceiver();
    const report = await deliver(
      channelFor(receiver.url),
      notificationFixture({ title: '🔥'.repeat(3000) }),
      { retry: fastRetry },
    );
    expect(report.delivered).toBe(true);
    const summary = pagerDutyTriggerSchema.parse(JSON.parse(receiver.requests[0]!.body)).payload.summary;
    expect(Array.from(summary)).toHaveLength(1024);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('sends one event per incident, each retried and logged on its own', async () => {
    receiver = await startPagerDutyReceiver();
    const report = await deliver(channelFor(receiver.url), notificationFixture({ count: 3 }), {
      retry: fastRetry,
    });
    expect(report.deliveredIds).toHaveLength(3);
    expect(
      new Set(receiver.accepted().map((r) => (JSON.parse(r.body) as { dedup_key: string }).dedup_key)).size,
    ).toBe(3);
  });

  it('delivers exactly once when PagerDuty is down, then up', async () => {
    receiver = await startPagerDutyReceiver((_req, index) =>
      index < 3 ? { status: 503, body: 'down' } : undefined,
    );
    const report = await deliver(channelFor(receiver.url), notificationFixture(), { retry: fastRetry });
    expect(report.delivered).toBe(true);
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 503, 503, 202]);
    expect(receiver.accepted()).toHaveLength(1);
    expect(report.entries.map((e) => e.outcome)).toEqual(['retrying', 'retrying', 'retrying', 'delivered']);
    expect(report.entries[0]).toMatchObject({ status_code: 503, error_code: 'HTTP_503', attempt: 1 });
  });

  it('honours 429 Retry-After', async () => {
    receiver = await startPagerDutyReceiver((_req, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : undefined,
    );
    const started = Date.now();
    const report = await deliver(channelFor(receiver.url), notificationFixture(), { retry: fastRetry });
    expect(report.delivered).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(report.entries[0]).toMatchObject({
      outcome: 'retrying',
      status_code: 429,
      error_code: 'RATE_LIMITED',
      retry_in_ms: 1000,
    });
  });

  it('gives up at once on a Retry-After beyond the limit, leaving it retriable for later', async () => {
    receiver = await startPagerDutyReceiver(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const report = await deliver(channelFor(receiver.url), notificationFixture(), { retry: fastRetry });
    expect(receiver.requests).toHaveLength(1);
    expect(report.failed).toEqual([expect.objectContaining({ retriable: true })]);
  });

  it('does not retry a 400 and reports it', async () => {
    receiver = await startPagerDutyReceiver(() => ({ status: 400, body: '{"status":"invalid event"}' }));
    const report = await deliver(channelFor(receiver.url), notificationFixture(), { retry: fastRetry });
    expect(receiver.requests).toHaveLength(1);
    expect(report.failed).toEqual([expect.objectContaining({ retriable: false })]);
    expect(report.entries.map((e) => e.outcome)).toEqual(['failed']);
  });

  it('times out a hanging receiver and retries', async () => {
    receiver = await startPagerDutyReceiver((_req, index) =>
      index === 0 ? { status: 202, delayMs: 2_000 } : undefined,
    );
    const report = await deliver(channelFor(receiver.url, 200), notificationFixture(), { retry: fastRetry });
    expect(report.delivered).toBe(true);
    expect(report.entries[0]).toMatchObject({ outcome: 'retrying', error_code: 'TIMEOUT' });
  });

  it('never puts the routing key in a log entry', async () => {
    receiver = await startPagerDutyReceiver(() => ({ status: 500, body: 'oops' }));
    const report = await deliver(channelFor(receiver.url), notificationFixture(), {
      retry: { ...fastRetry, retries: 1 },
    });
    expect(JSON.stringify(report)).not.toContain(ROUTING_KEY);
  });

  it('skips messages delivered in an earlier run', async () => {
    receiver = await startPagerDutyReceiver();
    const notification = notificationFixture({ count: 2 });
    const first = `${notification.id}:${notification.incidents[0]!.id}`;
    const report = await deliver(channelFor(receiver.url), notification, {
      retry: fastRetry,
      skip: new Set([first]),
    });
    expect(report.deliveredIds).toHaveLength(2);
    expect(receiver.requests).toHaveLength(1);
  });
});
