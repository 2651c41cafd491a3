import type { ThrottlePolicy, ThrottleVerdict } from './login-throttle.js';

/**
 * Where guessing protection keeps its counts: in the process (`LoginThrottle`, one instance) or
 * shared by every API instance (Redis), so that running two replicas does not give an attacker
 * twice the attempts.
 */
export interface Throttle {
  /** Allowed unless one of the keys is in its back-off delay. */
  check(keys: readonly string[]): Promise<ThrottleVerdict>;
  fail(key: string, policy: ThrottlePolicy): Promise<void>;
  succeed(key: string): Promise<void>;
}
