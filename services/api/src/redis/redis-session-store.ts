import type { Session, SessionStore } from '@vigil/auth';
import type { Redis } from '@vigil/redis';
import { toRedisError } from '@vigil/redis';

/**
 * Console sessions in Redis, shared by every API instance. Each session expires by itself at its
 * absolute limit; a set per user lets "sign this user out everywhere" find them.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly now: () => number = Date.now,
  ) {}

  private sessionKey(key: string): string {
    return `api:session:${key}`;
  }

  private userKey(userId: string): string {
    return `api:user-sessions:${userId}`;
  }

  async put(session: Session): Promise<void> {
    const ttl = Math.max(1, session.absoluteExpiresAt - this.now());
    try {
      await this.redis
        .multi()
        .set(this.sessionKey(session.key), JSON.stringify(session), 'PX', ttl)
        .sadd(this.userKey(session.userId), session.key)
        .pexpire(this.userKey(session.userId), ttl)
        .exec();
    } catch (error) {
      throw toRedisError(error);
    }
  }

  async get(key: string): Promise<Session | undefined> {
    let text: string | null;
    try {
      text = await this.redis.get(this.sessionKey(key));
    } catch (error) {
      throw toRedisError(error);
    }
    if (text === null) return undefined;
    const session = JSON.parse(text) as Session;
    const now = this.now();
    if (now >= session.absoluteExpiresAt || now >= session.idleExpiresAt) {
      await this.delete(key);
      return undefined;
    }
    return session;
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(this.sessionKey(key));
    } catch (error) {
      throw toRedisError(error);
    }
  }

  async deleteForUser(userId: string): Promise<void> {
    try {
      const keys = await this.redis.smembers(this.userKey(userId));
      if (keys.length > 0) await this.redis.del(...keys.map((key) => this.sessionKey(key)));
      await this.redis.del(this.userKey(userId));
    } catch (error) {
      throw toRedisError(error);
    }
  }
}
