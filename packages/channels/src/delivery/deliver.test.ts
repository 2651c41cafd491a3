import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../http/delivery-error.js';
import type { Channel } from '../model/channel.js';
import { TokenBucket } from '../rate-limit/token-bucket.js';
import { notificationFixture } from '../testing/notification-fixture.js';
import { deliver } from './deliver.js';

const retry = { retries: 2, initial_delay_ms: 100, max_delay_ms: 1_000, max_retry_after_ms: 5_000 };

/** A channel whose sends follow a script: each call takes the next outcome. */
function scripted(outcomes: (number | DeliveryError)[]): Channel & { sent: string[] } {
  const sent: string[] = [];
  return {
    type: 'webhook',
    name: 'scripted/0',
    sent,
    messages: (n) =>
      n.incidents.map((i) => ({
        id: `${n.id}:${i.id}`,
        action: 'trigger',
        incidentIds: [i.id],
        payload: i.id,
      })),
    send(message) {
      const next = outcomes.shift() ?? 200;
      if (typeof next !== 'number') return Promise.reject(next);
      sent.push(message.id);
      return Promise.resolve({ status: next });
    },
  };
}

describe('deliver', () => {
  it('paces attempts through the channel token bucket', async () => {
    const waits: number[] = [];
    let clock = 0;
    const bucket = new TokenBucket(1, 10, 0);
    const report = await deliver(scripted([]), notificationFixture({ count: 3 }), {
      retry,
      bucket,
      now: () => new Date(clock),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(report.delivered).toBe(true);
    expect(waits).toEqual([100, 200]);
    expect(report.entries.map((e) => e.throttled_ms)).toEqual([undefined, 100, 200]);
    clock = 10_000;
    expect(bucket.take(clock)).toBe(0);
  });

  it('backs off between retriable failures and records each attempt', async () => {
    const waits: number[] = [];
    const channel = scripted([
      new DeliveryError('x: HTTP 502', { code: 'HTTP_502', retriable: true, status: 502 }),
      202,
    ]);
    const report = await deliver(channel, notificationFixture(), {
      retry: { ...retry, initial_delay_ms: 100 },
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(80);
    expect(waits[0]).toBeLessThanOrEqual(120);
    expect(report.entries.map((e) => [e.attempt, e.outcome, e.status_code])).toEqual([
      [1, 'retrying', 502],
      [2, 'delivered', 202],
    ]);
  });

  it('reports retriable failure when attempts run out', async () => {
    const fail = () =>
      new DeliveryError('x: request failed: ECONNREFUSED', { code: 'NETWORK', retriable: true });
    const report = await deliver(scripted([fail(), fail(), fail()]), notificationFixture(), {
      retry,
      sleep: () => Promise.resolve(),
    });
    expect(report.delivered).toBe(false);
    expect(report.failed).toEqual([
      { id: expect.any(String), retriable: true, error: 'x: request failed: ECONNREFUSED' },
    ]);
    expect(report.entries.map((e) => e.outcome)).toEqual(['retrying', 'retrying', 'failed']);
  });

  it('stops on shutdown, leaving the message retriable', async () => {
    const controller = new AbortController();
    const channel = scripted([
      new DeliveryError('x: HTTP 503', { code: 'HTTP_503', retriable: true, status: 503 }),
    ]);
    const report = await deliver(channel, notificationFixture(), {
      retry,
      signal: controller.signal,
      sleep: () => {
        controller.abort(new Error('shutdown'));
        return Promise.reject(new Error('shutdown'));
      },
    });
    expect(report.failed).toEqual([expect.objectContaining({ retriable: true })]);
    expect(channel.sent).toEqual([]);
  });
});
