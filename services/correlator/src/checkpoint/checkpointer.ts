import type { Logger } from '@vigil/core';
import { CheckpointStore, type RedisConnection } from '@vigil/redis';
import type { PartitionSnapshot } from '../partition/partition-snapshot.js';
import { CHECKPOINT_VERSION, CheckpointDecodeError, decodeCheckpoint } from './checkpoint-codec.js';

export type CheckpointHealth = 'ok' | 'degraded';

export interface LoadedCheckpoint {
  readonly offset: bigint;
  readonly snapshot: PartitionSnapshot;
  readonly savedAt: Date;
}

/**
 * Saves and loads stage-2 partition checkpoints in Redis (offset and state in one MULTI). Saving
 * never throws: when Redis is away the correlator keeps detecting, reports `degraded`, and the next
 * save after Redis is back makes it `ok` again. Loading throws (retriable) when Redis is away: a
 * partition is not started without knowing its checkpoint.
 */
export class Checkpointer {
  private readonly store: CheckpointStore;
  private health: CheckpointHealth = 'ok';
  private lastError: string | undefined;

  constructor(
    private readonly connection: RedisConnection,
    private readonly namespace: string,
    private readonly logger: Logger,
    ttlMs: number,
  ) {
    this.store = new CheckpointStore(connection.client, ttlMs > 0 ? { ttlMs } : {});
  }

  get status(): CheckpointHealth {
    return this.health === 'ok' && this.connection.isReady() ? 'ok' : 'degraded';
  }

  get error(): string | undefined {
    return this.status === 'ok' ? undefined : (this.lastError ?? `redis ${this.connection.status}`);
  }

  async load(partition: number): Promise<LoadedCheckpoint | undefined> {
    const saved = await this.store.load(this.namespace, String(partition));
    if (saved === undefined) return undefined;
    try {
      return {
        offset: BigInt(saved.offset),
        snapshot: decodeCheckpoint(saved.version, saved.state),
        savedAt: saved.savedAt,
      };
    } catch (error) {
      if (!(error instanceof CheckpointDecodeError)) throw error;
      // An unreadable checkpoint (another release's) is as good as none: replay rebuilds the state.
      this.logger.warn({ err: error, partition }, 'ignoring unreadable checkpoint');
      return undefined;
    }
  }

  /** True when saved; false (and degraded) when Redis is away or refused it. */
  async save(partition: number, offset: bigint, state: Buffer): Promise<boolean> {
    if (!this.connection.isReady()) {
      this.markDegraded(`redis ${this.connection.status}`);
      return false;
    }
    try {
      await this.store.save(this.namespace, String(partition), {
        offset: offset.toString(),
        state,
        version: CHECKPOINT_VERSION,
      });
    } catch (error) {
      this.markDegraded(error instanceof Error ? error.message : String(error));
      return false;
    }
    if (this.health === 'degraded') this.logger.info('checkpoints saved again');
    this.health = 'ok';
    this.lastError = undefined;
    return true;
  }

  private markDegraded(reason: string): void {
    if (this.health === 'ok') this.logger.warn({ reason }, 'checkpoints degraded: detecting on without them');
    this.health = 'degraded';
    this.lastError = reason;
  }
}
