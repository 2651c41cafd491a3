import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';

const POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  forgetAfterMs: 60_000,
};

describe('LoginThrottle', () => {
  it('allows a few failures, then doubles the wait up to a cap', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      throttle.fail('account:ana', POLICY);
      const verdict = throttle.check(['account:ana']);
      waits.push(verdict.allowed ? 0 : verdict.retryAfterMs);
      if (!verdict.allowed) now += verdict.retryAfterMs;
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
  });

  it('blocks on any of the keys, forgets after quiet time, resets on success', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 3; i++) throttle.fail('ip:10.0.0.1', POLICY);
    expect(throttle.check(['account:bob', 'ip:10.0.0.1']).allowed).toBe(false);
    expect(throttle.check(['account:bob', 'ip:10.0.0.2']).allowed).toBe(true);
    now += 120_000;
    expect(throttle.check(['ip:10.0.0.1']).allowed).toBe(true);
    throttle.fail('ip:10.0.0.1', POLICY);
    throttle.fail('ip:10.0.0.1', POLICY);
    throttle.succeed('ip:10.0.0.1');
    throttle.fail('ip:10.0.0.1', POLICY);
    expect(throttle.check(['ip:10.0.0.1']).allowed).toBe(true);
  });

  it('keeps memory bounded', () => {
    const throttle = new LoginThrottle(() => 0, 100);
    for (let i = 0; i < 1000; i++) for (let j = 0; j < 3; j++) throttle.fail(`ip:${i}`, POLICY);
    expect(throttle.check(['ip:999']).allowed).toBe(false);
    expect(throttle.check(['ip:0']).allowed).toBe(true);
  });
});
