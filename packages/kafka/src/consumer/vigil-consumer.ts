import { EventEmitter } from 'node:events';
import { createLogger, isRetriable, retry, type Logger, type RetryOptions } from '@vigil/core';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { toKafkaError } from '../error/to-kafka-error.js';
import type { BatchContext, ConsumedBatch, ConsumerOptions } from './consumer-options.js';
import {
  diffAssignment,
  flattenAssignment,
  groupByTopic,
  nextOffset,
  type TopicPartition,
} from './partition-set.js';

export interface ConsumerEvents {
  assigned: [partitions: readonly TopicPartition[]];
  revoked: [partitions: readonly TopicPartition[]];
  committed: [batch: { topic: string; partition: number; offset: string; count: number }];
  /** The group is rebalancing (a member joined or left); batches in flight will not be committed. */
  rebalancing: [];
}

const DEFAULT_RETRY: RetryOptions = {
  retries: Number.MAX_SAFE_INTEGER,
  initialDelayMs: 200,
  maxDelayMs: 30_000,
};

function isRebalanceError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return (
    type === 'REBALANCE_IN_PROGRESS' ||
    type === 'NOT_COORDINATOR_FOR_GROUP' ||
    type === 'ILLEGAL_GENERATION' ||
    type === 'UNKNOWN_MEMBER_ID'
  );
}

/**
 * A consumer-group member with at-least-once delivery: a batch is committed only after its handler
 * resolved. See `ConsumerOptions` and `BatchHandler` for the contract.
 */
export class VigilConsumer extends EventEmitter<ConsumerEvents> {
  private readonly consumer: Consumer;
  private readonly logger: Logger;
  private readonly retryOptions: RetryOptions;
  private readonly heartbeatIntervalMs: number;
  private assignment: TopicPartition[] = [];
  /** Partition listeners run in order; batches wait for the ones scheduled before them. */
  private lifecycle: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();
  private stopped: Promise<void> | undefined;
  private fatal: unknown;
  private resolveDone: () => void = () => undefined;
  private rejectDone: (error: unknown) => void = () => undefined;
  private readonly signalHandler = (): void => void this.stop();
  /** Settles when the consumer has stopped: resolves after `stop()`, rejects after a fatal error. */
  readonly done: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly options: ConsumerOptions,
  ) {
    super();
    this.logger = options.logger ?? createLogger({ name: `kafka-consumer-${options.groupId}` });
    this.retryOptions = { ...DEFAULT_RETRY, ...options.retry };
    // Kafka's advice: heartbeat at most a third of the session timeout, and no slower than 3 s.
    this.heartbeatIntervalMs =
      options.heartbeatIntervalMs ?? Math.min(3_000, Math.floor((options.sessionTimeoutMs ?? 30_000) / 3));
    this.done = new Promise<void>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // Callers that never await `done` must not see an unhandled rejection; the error is logged.
    this.done.catch(() => undefined);
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 60_000,
      heartbeatInterval: this.heartbeatIntervalMs,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 500,
      allowAutoTopicCreation: false,
      ...(options.maxBytesPerPartition === undefined
        ? {}
        : { maxBytesPerPartition: options.maxBytesPerPartition }),
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
      this.onAssignment(flattenAssignment(event.payload.memberAssignment));
    });
    this.consumer.on(this.consumer.events.REBALANCING, () => this.emit('rebalancing'));
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      if (!event.payload.restart) this.fail(toKafkaError(event.payload.error, 'consumer crashed'));
      else this.logger.warn({ err: event.payload.error }, 'consumer crashed; kafkajs restarts it');
    });
  }

  /** Joins the group and starts handling batches; resolves once running (not when joined). */
  async start(): Promise<void> {
    try {
      await this.consumer.connect();
      // Right after a topic is created the broker may not host its partitions yet ("does not host
      // this topic-partition", retriable): try again for a few seconds instead of failing the start.
      await retry(
        async () => {
          try {
            await this.consumer.subscribe({
              topics: [...this.options.topics],
              fromBeginning: this.options.fromBeginning ?? true,
            });
          } catch (error) {
            throw toKafkaError(error, `subscribing ${this.options.groupId}`);
          }
        },
        { retries: 8, initialDelayMs: 100, maxDelayMs: 2_000 },
      );
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => this.handleBatch(payload),
      });
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      throw toKafkaError(error, `starting consumer ${this.options.groupId}`);
    }
    for (const signal of this.options.shutdownSignals === false
      ? []
      : (this.options.shutdownSignals ?? ['SIGTERM', 'SIGINT'])) {
      process.once(signal, this.signalHandler);
    }
  }

  /** The partitions this member owns now. */
  get assignedPartitions(): readonly TopicPartition[] {
    return this.assignment;
  }

  /** Stops fetching the given partitions (all assigned ones by default) until `resume`. */
  pause(partitions: readonly TopicPartition[] = this.assignment): void {
    this.consumer.pause(groupByTopic(partitions));
  }

  resume(partitions: readonly TopicPartition[] = this.assignment): void {
    this.consumer.resume(groupByTopic(partitions));
  }

  /**
   * The next fetch of the partition starts at `offset` (e.g. a state checkpoint's, not the group's
   * committed one). Valid once started, typically on assignment; batches fetched before are stale.
   */
  seek(topic: string, partition: number, offset: bigint | string): void {
    try {
      this.consumer.seek({ topic, partition, offset: offset.toString() });
    } catch (error) {
      throw toKafkaError(error, `seeking ${topic}/${String(partition)} to ${offset.toString()}`);
    }
  }

  paused(): readonly TopicPartition[] {
    return this.consumer
      .paused()
      .flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
  }

  /**
   * Graceful stop: lets the batch in flight finish and commit, leaves the group (its partitions move
   * to the other members at once), then reports all partitions revoked. Idempotent.
   */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeListener(signal, this.signalHandler);
    this.stopping.abort(new Error('consumer stopping'));
    try {
      await this.consumer.disconnect();
    } catch (error) {
      this.logger.warn({ err: error }, 'disconnect failed');
    }
    this.onAssignment([]);
    await this.lifecycle;
    if (this.fatal === undefined) this.resolveDone();
    else this.rejectDone(this.fatal);
  }

  private fail(error: unknown): void {
    if (this.fatal !== undefined) return;
    this.fatal = error;
    this.logger.error({ err: error }, 'consumer failed; stopping');
    void this.stop();
  }

  private onAssignment(next: TopicPartition[]): void {
    const { revoked, assigned } = diffAssignment(this.assignment, next);
    this.assignment = next;
    if (revoked.length === 0 && assigned.length === 0) return;
    this.logger.info({ revoked, assigned }, 'partition assignment changed');
    this.lifecycle = this.lifecycle.then(async () => {
      try {
        if (revoked.length > 0) {
          await this.withRetry(
            () => Promise.resolve(this.options.onPartitionsRevoked?.(revoked)),
            'onPartitionsRevoked',
          );
          this.emit('revoked', revoked);
        }
        if (assigned.length > 0) {
          await this.withRetry(
            () => Promise.resolve(this.options.onPartitionsAssigned?.(assigned)),
            'onPartitionsAssigned',
          );
          this.emit('assigned', assigned);
        }
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private withRetry<T>(fn: () => Promise<T>, what: string, signal?: AbortSignal): Promise<T> {
    return retry(fn, {
      ...this.retryOptions,
      ...(signal === undefined ? {} : { signal }),
      onRetry: (error, attempt, delayMs) =>
        this.logger.warn({ err: error, attempt, delayMs }, `${what} failed; retrying`),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    await this.lifecycle;
    if (this.fatal !== undefined || batch.messages.length === 0) return;
    const abort = new AbortController();
    const onStop = (): void => abort.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    // Keeps the membership alive while a handler waits (e.g. for Elasticsearch to come back).
    const beat = setInterval(() => {
      payload.heartbeat().catch((error: unknown) => {
        if (isRebalanceError(error)) abort.abort(error);
      });
    }, this.heartbeatIntervalMs);
    const lastOffset = batch.lastOffset();
    const consumed: ConsumedBatch = {
      topic: batch.topic,
      partition: batch.partition,
      messages: batch.messages,
      firstOffset: batch.firstOffset() ?? lastOffset,
      lastOffset,
      highWatermark: batch.highWatermark,
    };
    const context: BatchContext = { signal: abort.signal, pause: () => payload.pause() };
    try {
      await this.withRetry(
        () => this.options.handler(consumed, context),
        `handler for ${batch.topic}/${batch.partition}`,
        abort.signal,
      );
    } catch (error) {
      // Stopping: leave the batch uncommitted, it is delivered again after the restart.
      if (this.stopping.signal.aborted) return;
      if (!abort.signal.aborted && !isRetriable(error)) this.fail(error);
      // Not resolving the offsets makes kafkajs fetch the batch again (after a rejoin, if rebalancing).
      throw error;
    } finally {
      clearInterval(beat);
      this.stopping.signal.removeEventListener('abort', onStop);
    }
    payload.resolveOffset(lastOffset);
    const offset = nextOffset(lastOffset);
    const offsets = {
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset }] }],
    };
    // Committed through the batch payload, not consumer.commitOffsets, which skips commits while stopping.
    await retry(() => payload.commitOffsetsIfNecessary(offsets), {
      retries: 5,
      initialDelayMs: 100,
      shouldRetry: (error) =>
        !isRebalanceError(error) && (error as { retriable?: unknown }).retriable === true,
    });
    this.emit('committed', {
      topic: batch.topic,
      partition: batch.partition,
      offset,
      count: batch.messages.length,
    });
  }
}

/** A consumer-group member; call `start()`, and `stop()` (or send SIGTERM) to leave gracefully. */
export function createConsumer(kafka: Kafka, options: ConsumerOptions): VigilConsumer {
  return new VigilConsumer(kafka, options);
}
