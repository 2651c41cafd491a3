import type { Throttle } from './throttle.js';

export interface ThrottlePolicy {
  /** Failures allowed before delays start. */
  readonly freeAttempts: number;
  /** First delay after the free attempts; doubles with each further failure. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  readonly forgetAfterMs: number;
}

/** Per account: a handful of tries, then 1 s, 2 s, 4 s … up to 15 min. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 900_000,
  forgetAfterMs: 3_600_000,
};
/** Per source address: more room (many people behind one NAT), same shape. */
export const IP_POLICY: ThrottlePolicy = {
  freeAttempts: 20,
  baseDelayMs: 1000,
  maxDelayMs: 900_000,
  forgetAfterMs: 3_600_000,
};

interface Entry {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

export type ThrottleVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Guessing protection for logins and tokens: failures are counted per key (an account, an address)
 * and, past a few free attempts, each further try must wait an exponentially growing delay.
 * In this process only (one API instance; see `Throttle` for a shared one). Memory is bounded:
 * the oldest keys are dropped first.
 */
export class LoginThrottle implements Throttle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  check(keys: readonly string[]): Promise<ThrottleVerdict> {
    const now = this.now();
    let wait = 0;
    for (const key of keys) {
      const entry = this.live(key, now, undefined);
      if (entry !== undefined && entry.blockedUntil > now) wait = Math.max(wait, entry.blockedUntil - now);
    }
    return Promise.resolve(wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true });
  }

  fail(key: string, policy: ThrottlePolicy): Promise<void> {
    const now = this.now();
    const entry = this.live(key, now, policy) ?? { failures: 0, lastFailure: now, blockedUntil: 0 };
    entry.failures++;
    entry.lastFailure = now;
    const over = entry.failures - policy.freeAttempts;
    if (over >= 0)
      entry.blockedUntil = now + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over, 30));
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return Promise.resolve();
  }

  succeed(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  private live(key: string, now: number, policy: ThrottlePolicy | undefined): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const forgetAfter = policy?.forgetAfterMs ?? ACCOUNT_POLICY.forgetAfterMs;
    if (now - entry.lastFailure > forgetAfter && entry.blockedUntil <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
