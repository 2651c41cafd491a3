import { describe, expect, it } from 'vitest';
import { producerRetry } from './vigil-producer.js';

/** The delays kafkajs waits before each retry, without its random factor. */
function totalDelay({ initialRetryTime, maxRetryTime, retries }: ReturnType<typeof producerRetry>): number {
  let total = 0;
  for (
    let attempt = 0, delay = initialRetryTime;
    attempt < retries;
    attempt++, delay = Math.min(delay * 2, maxRetryTime)
  ) {
    total += delay;
  }
  return total;
}

describe('producerRetry', () => {
  it.each([3_000, 30_000, 120_000])('gives up close to a %i ms delivery timeout', (timeout) => {
    const retry = producerRetry(timeout);
    expect(totalDelay(retry)).toBeLessThanOrEqual(timeout);
    expect(totalDelay(retry)).toBeGreaterThan(timeout * 0.7);
    expect(retry.maxRetryTime).toBeLessThanOrEqual(5_000);
  });

  it('retries at least once', () => {
    expect(producerRetry(1).retries).toBe(1);
  });
});
