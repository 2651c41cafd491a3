import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { toRedisError } from '../error/to-redis-error.js';

export interface Lease {
  readonly name: string;
  readonly owner: string;
  /**
   * Grows with every acquisition by anyone: pass it along with the work the lease protects, and have
   * the receiver refuse tokens lower than the highest it saw (a paused holder whose lease expired
   * cannot then overwrite the new holder's work).
   */
  readonly token: number;
  readonly expiresAt: number;
}

// KEYS[1] lock, KEYS[2] fence counter; ARGV owner, ttl. The same owner re-acquiring keeps its token.
const ACQUIRE = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(redis.call('GET', KEYS[2]))
end
return false`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Leases (expiring locks) with fencing tokens, for work only one instance may do at a time (e.g. the
 * notifier's escalation timer). A lease is a hint, not a guarantee: a holder that stalls past the TTL
 * loses it without knowing, hence the token. Keys: `lease:<name>` and `lease:<name>:fence`.
 */
export class LeaseManager {
  constructor(private readonly redis: Redis) {}

  /** The lease when free (or already ours), undefined when someone else holds it. */
  async acquire(name: string, ttlMs: number, owner: string = randomUUID()): Promise<Lease | undefined> {
    try {
      const token = (await this.redis.eval(
        ACQUIRE,
        2,
        this.lockKey(name),
        this.fenceKey(name),
        owner,
        ttlMs,
      )) as number | null;
      return token === null ? undefined : { name, owner, token, expiresAt: Date.now() + ttlMs };
    } catch (error) {
      throw toRedisError(error, `acquiring lease ${name}`);
    }
  }

  /** Extends a lease still held; undefined when it was lost (expired and maybe taken). */
  async renew(lease: Lease, ttlMs: number): Promise<Lease | undefined> {
    try {
      const renewed = (await this.redis.eval(
        RENEW,
        1,
        this.lockKey(lease.name),
        lease.owner,
        ttlMs,
      )) as number;
      return renewed === 1 ? { ...lease, expiresAt: Date.now() + ttlMs } : undefined;
    } catch (error) {
      throw toRedisError(error, `renewing lease ${lease.name}`);
    }
  }

  /** Gives the lease up if still held; true when it was. */
  async release(lease: Lease): Promise<boolean> {
    try {
      return ((await this.redis.eval(RELEASE, 1, this.lockKey(lease.name), lease.owner)) as number) === 1;
    } catch (error) {
      throw toRedisError(error, `releasing lease ${lease.name}`);
    }
  }

  /** The latest token handed out for a name (for receivers that check fencing tokens). */
  async latestToken(name: string): Promise<number | undefined> {
    try {
      const value = await this.redis.get(this.fenceKey(name));
      return value === null ? undefined : Number(value);
    } catch (error) {
      throw toRedisError(error, `reading fencing token of ${name}`);
    }
  }

  private lockKey(name: string): string {
    return `lease:${name}`;
  }

  private fenceKey(name: string): string {
    return `lease:${name}:fence`;
  }
}
