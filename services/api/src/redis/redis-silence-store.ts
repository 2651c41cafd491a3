import type { Redis } from '@vigil/redis';
import { toRedisError } from '@vigil/redis';
import { silenceSchema, type Silence } from '@vigil/routing';
import type { SilenceStore } from '../ports/silence-store.js';

/**
 * Silences in a Redis hash (id → silence JSON), where the notifier reads them
 * (`VIGIL_NOTIFIER_SILENCES_KEY`, default `silences`). Records that do not parse are skipped.
 */
export class RedisSilenceStore implements SilenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly key = 'silences',
  ) {}

  private parse(text: string | null): Silence | undefined {
    if (text === null) return undefined;
    try {
      const parsed = silenceSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async list(): Promise<Silence[]> {
    try {
      const texts = await this.redis.hvals(this.key);
      return texts
        .flatMap((text) => this.parse(text) ?? [])
        .sort((a, b) => b.starts_at.localeCompare(a.starts_at));
    } catch (error) {
      throw toRedisError(error);
    }
  }

  async get(id: string): Promise<Silence | undefined> {
    try {
      return this.parse(await this.redis.hget(this.key, id));
    } catch (error) {
      throw toRedisError(error);
    }
  }

  async put(silence: Silence): Promise<void> {
    try {
      await this.redis.hset(this.key, silence.id, JSON.stringify(silence));
    } catch (error) {
      throw toRedisError(error);
    }
  }
}
