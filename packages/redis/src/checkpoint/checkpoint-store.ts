import type { Redis } from 'ioredis';
import { RedisCommandError } from '../error/redis-error.js';
import { toRedisError } from '../error/to-redis-error.js';

export interface CheckpointInput {
  /** The Kafka offset the state includes everything before (the next offset to process). */
  readonly offset: string;
  readonly state: Buffer | string;
  /** Format version of `state`, so a new release can tell an old serialization apart. */
  readonly version: number;
}

export interface Checkpoint {
  readonly offset: string;
  readonly state: Buffer;
  readonly version: number;
  readonly savedAt: Date;
}

export interface CheckpointStoreOptions {
  /** Checkpoints not saved again within this time vanish (e.g. a topic that was removed). */
  readonly ttlMs?: number;
}

/**
 * Per-partition checkpoints: offset and state are written in one MULTI (one hash, replaced whole), so
 * a reader never sees the offset of one save with the state of another. Keys: `ckpt:<ns>:<partition>`
 * under the connection's key prefix. Errors are RedisUnavailableError (retriable) when Redis is away.
 */
export class CheckpointStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: CheckpointStoreOptions = {},
  ) {}

  async save(namespace: string, partitionKey: string, checkpoint: CheckpointInput): Promise<void> {
    if (!/^\d+$/.test(checkpoint.offset))
      throw new RangeError(`offset must be a non-negative integer: ${checkpoint.offset}`);
    const key = this.key(namespace, partitionKey);
    const transaction = this.redis
      .multi()
      .del(key)
      .hset(key, {
        offset: checkpoint.offset,
        state: checkpoint.state,
        version: String(checkpoint.version),
        savedAt: String(Date.now()),
      });
    if (this.options.ttlMs !== undefined) transaction.pexpire(key, this.options.ttlMs);
    let results: [Error | null, unknown][] | null;
    try {
      results = await transaction.exec();
    } catch (error) {
      throw toRedisError(error, `saving checkpoint ${namespace}/${partitionKey}`);
    }
    const failed = results?.find(([error]) => error !== null)?.[0];
    if (results === null || failed != null) {
      throw toRedisError(
        failed ?? new Error('Connection is closed: transaction discarded'),
        `saving checkpoint ${namespace}/${partitionKey}`,
      );
    }
  }

  /** The last checkpoint, or undefined when none was saved (or it expired). */
  async load(namespace: string, partitionKey: string): Promise<Checkpoint | undefined> {
    let fields: Record<string, Buffer>;
    try {
      fields = await this.redis.hgetallBuffer(this.key(namespace, partitionKey));
    } catch (error) {
      throw toRedisError(error, `loading checkpoint ${namespace}/${partitionKey}`);
    }
    if (Object.keys(fields).length === 0) return undefined;
    const offset = fields['offset']?.toString();
    const version = Number(fields['version']?.toString());
    const savedAt = Number(fields['savedAt']?.toString());
    const state = fields['state'];
    if (offset === undefined || !/^\d+$/.test(offset) || !Number.isInteger(version) || state === undefined) {
      throw new RedisCommandError(`checkpoint ${namespace}/${partitionKey} is malformed`, {
        code: 'REDIS_CHECKPOINT_MALFORMED',
        retriable: false,
      });
    }
    return { offset, state, version, savedAt: new Date(savedAt) };
  }

  /** Removes a checkpoint; true when there was one. */
  async delete(namespace: string, partitionKey: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.key(namespace, partitionKey))) > 0;
    } catch (error) {
      throw toRedisError(error, `deleting checkpoint ${namespace}/${partitionKey}`);
    }
  }

  private key(namespace: string, partitionKey: string): string {
    return `ckpt:${namespace}:${partitionKey}`;
  }
}
