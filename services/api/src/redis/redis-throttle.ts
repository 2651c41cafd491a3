import type { Throttle, ThrottlePolicy, ThrottleVerdict } from '@vigil/auth';
import type { Redis } from '@vigil/redis';
import { redisCall, toRedisError } from '@vigil/redis';

/**
 * One failure, atomically: forget a key quiet for `forget` ms and out of its delay, count the
 * failure, start or double the delay past the free attempts. The key expires once it would be
 * forgotten anyway. Times are the caller's clock (ms); `%.0f` keeps 13-digit times exact.
 */
const FAIL = `
local v = redis.call('HMGET', KEYS[1], 'f', 'l', 'b')
local now = tonumber(ARGV[1])
local free = tonumber(ARGV[2])
local base = tonumber(ARGV[3])
local cap = tonumber(ARGV[4])
local forget = tonumber(ARGV[5])
local f = tonumber(v[1]) or 0
local l = tonumber(v[2]) or now
local b = tonumber(v[3]) or 0
if now - l > forget and b <= now then
  f = 0
  b = 0
end
f = f + 1
local over = f - free
if over >= 0 then
  b = now + math.min(cap, base * 2 ^ math.min(over, 30))
end
redis.call('HSET', KEYS[1], 'f', f, 'l', string.format('%.0f', now), 'b', string.format('%.0f', b))
redis.call('PEXPIRE', KEYS[1], math.floor(math.max(forget, b - now)) + 1000)
return f
`;

/**
 * Guessing protection shared by every API instance: failures per key (account, address) in Redis
 * hashes `<prefix>throttle:<key>` (`f` failures, `l` last failure, `b` blocked until). Same policy
 * and answers as the in-process `LoginThrottle` (both pass the same contract test).
 */
export class RedisThrottle implements Throttle {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'auth:',
    private readonly now: () => number = Date.now,
  ) {}

  async check(keys: readonly string[]): Promise<ThrottleVerdict> {
    if (keys.length === 0) return { allowed: true };
    const now = this.now();
    const rows = await redisCall('checking the login throttle', () => {
      const pipeline = this.redis.pipeline();
      for (const key of keys) pipeline.hget(this.keyOf(key), 'b');
      return pipeline.exec();
    });
    let wait = 0;
    for (const [error, value] of rows ?? []) {
      if (error !== null) throw toRedisError(error, 'checking the login throttle');
      const blockedUntil = typeof value === 'string' ? Number(value) : 0;
      if (blockedUntil > now) wait = Math.max(wait, blockedUntil - now);
    }
    return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
  }

  async fail(key: string, policy: ThrottlePolicy): Promise<void> {
    await redisCall('counting a failed login', () =>
      this.redis.eval(
        FAIL,
        1,
        this.keyOf(key),
        this.now(),
        policy.freeAttempts,
        policy.baseDelayMs,
        policy.maxDelayMs,
        policy.forgetAfterMs,
      ),
    );
  }

  async succeed(key: string): Promise<void> {
    await redisCall('resetting the login throttle', () => this.redis.del(this.keyOf(key)));
  }

  private keyOf(key: string): string {
    return `${this.prefix}throttle:${key}`;
  }
}
