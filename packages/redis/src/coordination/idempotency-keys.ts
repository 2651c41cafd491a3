import type { Redis } from 'ioredis';
import { toRedisError } from '../error/to-redis-error.js';

/**
 * "Do this once" markers with a time to live (`SET NX PX`): the notifier claims `notify:<incident>:<channel>`
 * before paging, so a redelivered message does not page twice. Release a claim when the action failed
 * and may be retried. Keys: `idem:<key>` under the connection's prefix.
 */
export class IdempotencyKeys {
  constructor(private readonly redis: Redis) {}

  /** True when this caller is the first within `ttlMs`; false when the key is already claimed. */
  async claim(key: string, ttlMs: number, value = String(Date.now())): Promise<boolean> {
    try {
      return (await this.redis.set(this.key(key), value, 'PX', ttlMs, 'NX')) === 'OK';
    } catch (error) {
      throw toRedisError(error, `claiming ${key}`);
    }
  }

  /** Whether a claim is held, and what it holds. */
  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.key(key))) ?? undefined;
    } catch (error) {
      throw toRedisError(error, `reading claim ${key}`);
    }
  }

  /** Gives a claim up so the action can be tried again. */
  async release(key: string): Promise<void> {
    try {
      await this.redis.del(this.key(key));
    } catch (error) {
      throw toRedisError(error, `releasing ${key}`);
    }
  }

  private key(key: string): string {
    return `idem:${key}`;
  }
}
