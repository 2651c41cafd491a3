/**
 * What every `Throttle` must do, as a test suite: the in-process one runs it in its unit test, the
 * Redis one against the real Redis. `make` gets the clock to use (tests move time by hand).
 */
import { describe, expect, it } from 'vitest';
import type { ThrottlePolicy } from '../rate-limit/login-throttle.js';
import type { Throttle } from '../rate-limit/throttle.js';

const POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  forgetAfterMs: 60_000,
};

export function throttleContract(name: string, make: (now: () => number) => Promise<Throttle>): void {
  describe(`${name} (Throttle contract)`, () => {
    it('allows a few failures, then doubles the wait up to a cap', async () => {
      let now = 1_700_000_000_000;
      const throttle = await make(() => now);
      const waits: number[] = [];
      for (let i = 0; i < 7; i++) {
        await throttle.fail('account:ana', POLICY);
        const verdict = await throttle.check(['account:ana']);
        waits.push(verdict.allowed ? 0 : verdict.retryAfterMs);
        if (!verdict.allowed) now += verdict.retryAfterMs;
      }
      expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    });

    it('blocks on any of the keys, forgets after quiet time, resets on success', async () => {
      let now = 1_700_000_000_000;
      const throttle = await make(() => now);
      for (let i = 0; i < 3; i++) await throttle.fail('ip:10.0.0.1', POLICY);
      expect((await throttle.check(['account:bob', 'ip:10.0.0.1'])).allowed).toBe(false);
      expect((await throttle.check(['account:bob', 'ip:10.0.0.2'])).allowed).toBe(true);
      now += 120_000;
      expect((await throttle.check(['ip:10.0.0.1'])).allowed).toBe(true);
      // Forgotten, not merely unblocked: two more failures are free again.
      await throttle.fail('ip:10.0.0.1', POLICY);
      await throttle.fail('ip:10.0.0.1', POLICY);
      expect((await throttle.check(['ip:10.0.0.1'])).allowed).toBe(true);
      await throttle.succeed('ip:10.0.0.1');
      await throttle.fail('ip:10.0.0.1', POLICY);
      expect((await throttle.check(['ip:10.0.0.1'])).allowed).toBe(true);
      expect((await throttle.check([])).allowed).toBe(true);
    });
  });
}
