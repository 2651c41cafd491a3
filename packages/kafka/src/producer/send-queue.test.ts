import { VigilError } from '@vigil/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage } from './outgoing-message.js';
import {
  KafkaDeliveryTimeoutError,
  SendQueue,
  type SendQueueOptions,
  type TopicBatch,
} from './send-queue.js';

const options: SendQueueOptions = {
  lingerMs: 5,
  maxBatchMessages: 100,
  maxBatchBytes: 1_000_000,
  deliveryTimeoutMs: 60_000,
};

function messages(count: number, prefix = 'm'): OutgoingMessage[] {
  return Array.from({ length: count }, (_, i) => ({ value: `${prefix}${i}` }));
}

/** A fake broker: records each request and lets the test decide when it is acknowledged. */
function fakeBroker() {
  const requests: TopicBatch[][] = [];
  const acks: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const deliver = (batches: readonly TopicBatch[]): Promise<void> => {
    requests.push([...batches]);
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    return new Promise<void>((resolve, reject) => {
      acks.push({
        resolve: () => {
          concurrent--;
          resolve();
        },
        reject: (error) => {
          concurrent--;
          reject(error);
        },
      });
    });
  };
  return { requests, acks, deliver, maxConcurrent: () => maxConcurrent };
}

const identity = (error: unknown): unknown => error;

afterEach(() => {
  vi.useRealTimers();
});

describe('SendQueue', () => {
  it('gathers concurrent sends into one request after the linger time, one request in flight', async () => {
    vi.useFakeTimers();
    const broker = fakeBroker();
    const queue = new SendQueue(broker.deliver, identity, options);
    const a = queue.enqueue('t1', messages(3, 'a'));
    const b = queue.enqueue('t2', messages(2, 'b'));
    const c = queue.enqueue('t1', messages(1, 'c'));
    expect(broker.requests).toHaveLength(0);
    expect(queue.pendingMessages).toBe(6);
    await vi.advanceTimersByTimeAsync(5);
    expect(broker.requests).toHaveLength(1);
    expect(broker.requests[0]!.map((batch) => [batch.topic, batch.messages.length])).toEqual([
      ['t1', 4],
      ['t2', 2],
    ]);
    // While the first request is in flight, the next sends wait and then go together.
    const d = queue.enqueue('t1', messages(2, 'd'));
    const e = queue.enqueue('t1', messages(2, 'e'));
    await vi.advanceTimersByTimeAsync(50);
    expect(broker.requests).toHaveLength(1);
    broker.acks[0]!.resolve();
    await Promise.all([a, b, c]);
    await vi.advanceTimersByTimeAsync(0);
    expect(broker.requests).toHaveLength(2);
    expect(broker.requests[1]![0]!.messages.map((m) => m.value)).toEqual(['d0', 'd1', 'e0', 'e1']);
    broker.acks[1]!.resolve();
    await Promise.all([d, e]);
    expect(queue.pendingMessages).toBe(0);
    expect(broker.maxConcurrent()).toBe(1);
  });

  it('splits a large send into requests within the limits and resolves when all are acknowledged', async () => {
    const requests: number[] = [];
    const queue = new SendQueue(
      (batches) => {
        requests.push(batches.reduce((sum, batch) => sum + batch.messages.length, 0));
        return Promise.resolve();
      },
      identity,
      { ...options, maxBatchMessages: 40 },
    );
    await queue.enqueue('t', messages(100));
    expect(requests).toEqual([40, 40, 20]);
  });

  it('splits by bytes too, and sends an oversized single message alone', async () => {
    const sizes: number[] = [];
    const queue = new SendQueue(
      (batches) => {
        sizes.push(batches[0]!.messages.length);
        return Promise.resolve();
      },
      identity,
      { ...options, maxBatchBytes: 1_000 },
    );
    const big = { value: 'x'.repeat(5_000) };
    const small = Array.from({ length: 20 }, () => ({ value: 'y'.repeat(100) }));
    await queue.enqueue('t', [big, ...small]);
    expect(sizes[0]).toBe(1);
    expect(sizes.slice(1).reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...sizes.slice(1))).toBeLessThan(20);
  });

  it('rejects every send of a failed request with the mapped error, then carries on', async () => {
    vi.useFakeTimers();
    const broker = fakeBroker();
    const mapped = new VigilError('mapped', { code: 'X', retriable: true });
    const queue = new SendQueue(broker.deliver, () => mapped, options);
    const a = queue.enqueue('t', messages(1));
    const b = queue.enqueue('t', messages(1));
    const settled = Promise.allSettled([a, b]);
    await vi.advanceTimersByTimeAsync(5);
    broker.acks[0]!.reject(new Error('broker said no'));
    expect(await settled).toEqual([
      { status: 'rejected', reason: mapped },
      { status: 'rejected', reason: mapped },
    ]);
    const c = queue.enqueue('t', messages(1));
    await vi.advanceTimersByTimeAsync(5);
    broker.acks[1]!.resolve();
    await expect(c).resolves.toBeUndefined();
  });

  it('fails a send that is not acknowledged in time with a retriable error', async () => {
    vi.useFakeTimers();
    const broker = fakeBroker();
    const queue = new SendQueue(broker.deliver, identity, { ...options, deliveryTimeoutMs: 1_000 });
    const stuck = queue.enqueue('t', messages(1));
    const queued = queue.enqueue('t', messages(1));
    const outcome = Promise.allSettled([stuck, queued]);
    await vi.advanceTimersByTimeAsync(5);
    expect(broker.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    const [first, second] = await outcome;
    expect(first.status).toBe('rejected');
    expect((first as PromiseRejectedResult).reason).toBeInstanceOf(KafkaDeliveryTimeoutError);
    expect(((first as PromiseRejectedResult).reason as VigilError).retriable).toBe(true);
    expect(second.status).toBe('rejected');
    expect(queue.pendingMessages).toBe(0);
    // A late acknowledgement of the timed-out request changes nothing.
    broker.acks[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(broker.requests).toHaveLength(1);
  });

  it('flush sends at once and waits for everything accepted before it', async () => {
    vi.useFakeTimers();
    const broker = fakeBroker();
    const queue = new SendQueue(broker.deliver, identity, { ...options, lingerMs: 10_000 });
    void queue.enqueue('t', messages(2));
    let flushed = false;
    const flush = queue.flush().then(() => {
      flushed = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(broker.requests).toHaveLength(1);
    expect(flushed).toBe(false);
    broker.acks[0]!.resolve();
    await flush;
    expect(flushed).toBe(true);
  });

  it('ignores an empty send', async () => {
    const deliver = vi.fn(() => Promise.resolve());
    const queue = new SendQueue(deliver, identity, options);
    await queue.enqueue('t', []);
    await queue.flush();
    expect(deliver).not.toHaveBeenCalled();
  });
});
