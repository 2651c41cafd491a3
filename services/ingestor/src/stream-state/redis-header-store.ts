import type { Redis } from '@vigil/redis';
import { toRedisError } from '@vigil/redis';
import type { HeaderStore } from './header-store.js';

/** Header lines per raw partition in Redis: `ingestor:headers:<topic>/<partition>`, a JSON array. */
export class RedisHeaderStore implements HeaderStore {
  constructor(
    private readonly redis: Redis,
    /** A stream silent this long starts over without its header (Zeek rotates files hourly). */
    private readonly ttlMs = 30 * 24 * 3_600_000,
  ) {}

  async load(topic: string, partition: number): Promise<readonly string[] | undefined> {
    try {
      const text = await this.redis.get(this.key(topic, partition));
      if (text === null) return undefined;
      const lines: unknown = JSON.parse(text);
      return Array.isArray(lines) && lines.every((line) => typeof line === 'string') ? lines : undefined;
    } catch (error) {
      throw toRedisError(error, `loading the stream header of ${topic}/${String(partition)}`);
    }
  }

  async save(topic: string, partition: number, lines: readonly string[]): Promise<void> {
    try {
      await this.redis.set(this.key(topic, partition), JSON.stringify(lines), 'PX', this.ttlMs);
    } catch (error) {
      throw toRedisError(error, `saving the stream header of ${topic}/${String(partition)}`);
    }
  }

  private key(topic: string, partition: number): string {
    return `ingestor:headers:${topic}/${String(partition)}`;
  }
}
