import { describe, expect, it } from 'vitest';
import { throttleContract } from '../testing/throttle-contract.js';
import { LoginThrottle, type ThrottlePolicy } from './login-throttle.js';

const POLICY: ThrottlePolicy = {
  freeAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 8000,
  forgetAfterMs: 60_000,
};

throttleContract('LoginThrottle', (now) => Promise.resolve(new LoginThrottle(now)));

describe('LoginThrottle', () => {
  it('keeps memory bounded', async () => {
    const throttle = new LoginThrottle(() => 0, 100);
    for (let i = 0; i < 1000; i++) for (let j = 0; j < 3; j++) await throttle.fail(`ip:${i}`, POLICY);
    expect((await throttle.check(['ip:999'])).allowed).toBe(false);
    expect((await throttle.check(['ip:0'])).allowed).toBe(true);
  });
});
