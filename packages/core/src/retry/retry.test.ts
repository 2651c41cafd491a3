import { describe, expect, it } from 'vitest';
import { VigilError } from '../error/vigil-error.js';
import { backoffDelay, retry } from './retry.js';

const noSleep = (): Promise<void> => Promise.resolve();

describe('retry', () => {
  it('retries retriable errors until success', async () => {
    let calls = 0;
    const result = await retry(
      () => {
        calls++;
        if (calls < 3) return Promise.reject(new VigilError('flaky', { code: 'X', retriable: true }));
        return Promise.resolve('ok');
      },
      { sleep: noSleep },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('rethrows a non-retriable error at once, keeping its cause', async () => {
    let calls = 0;
    const cause = new Error('root');
    await expect(
      retry(
        () => {
          calls++;
          return Promise.reject(new VigilError('fatal', { code: 'Y', cause }));
        },
        { sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code: 'Y', retriable: false, cause });
    expect(calls).toBe(1);
  });

  it('gives up after the configured retries with the last error', async () => {
    let calls = 0;
    await expect(
      retry(
        () => {
          calls++;
          return Promise.reject(new VigilError(`attempt ${calls}`, { code: 'Z', retriable: true }));
        },
        { retries: 2, sleep: noSleep },
      ),
    ).rejects.toThrow('attempt 3');
  });

  it('honours a delay hint such as Retry-After', async () => {
    const delays: number[] = [];
    let calls = 0;
    await retry(
      () =>
        ++calls < 2
          ? Promise.reject(new VigilError('429', { code: 'R', retriable: true }))
          : Promise.resolve(1),
      { sleep: noSleep, delayHint: () => 7_000, onRetry: (_e, _a, d) => delays.push(d) },
    );
    expect(delays).toEqual([7_000]);
  });

  it('backs off exponentially within the jitter band and the cap', () => {
    expect(backoffDelay(0, { initialDelayMs: 100, jitter: 0 })).toBe(100);
    expect(backoffDelay(3, { initialDelayMs: 100, jitter: 0 })).toBe(800);
    expect(backoffDelay(30, { initialDelayMs: 100, maxDelayMs: 5_000, jitter: 0 })).toBe(5_000);
    const d = backoffDelay(2, { initialDelayMs: 100, jitter: 0.5, random: () => 1 });
    expect(d).toBe(600);
  });
});
