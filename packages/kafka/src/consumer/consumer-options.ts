import type { Logger, RetryOptions } from '@vigil/core';
import type { TopicPartition } from './partition-set.js';

/** One consumed message (kafkajs' record, without its legacy fields). */
export interface ConsumedMessage {
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Epoch milliseconds as a string. */
  readonly timestamp: string;
  readonly headers?: Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>>;
}

/** The messages of one partition handed to the handler at once, in offset order. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly ConsumedMessage[];
  readonly firstOffset: string;
  readonly lastOffset: string;
  /** The partition's high watermark when fetched: `highWatermark - lastOffset - 1` is the lag left. */
  readonly highWatermark: string;
}

export interface BatchContext {
  /**
   * Aborted when the batch's result will not be committed by this consumer: it is stopping, or the
   * group is rebalancing. Long handlers may give up early; the batch is delivered again.
   */
  readonly signal: AbortSignal;
  /** Pauses this partition after the batch (backpressure); call the returned function to resume. */
  readonly pause: () => () => void;
}

/**
 * Processes a batch; resolves when its effects are durable (e.g. its produce is acknowledged).
 * Only then is the batch committed. A retriable VigilError is retried with backoff (the batch is
 * handed again, whole); any other error stops the consumer (`done` rejects) without committing.
 * Expected per-message failures (a bad line) are the handler's to dead-letter, not to throw.
 */
export type BatchHandler = (batch: ConsumedBatch, context: BatchContext) => Promise<void>;

export type PartitionListener = (partitions: readonly TopicPartition[]) => Promise<void> | void;

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly (string | RegExp)[];
  readonly handler: BatchHandler;
  readonly logger?: Logger;
  /** Where a group without committed offsets starts: the earliest by default, so nothing is skipped. */
  readonly fromBeginning?: boolean;
  /**
   * Called (and awaited) before the first batch of newly assigned partitions is handled: restore
   * per-partition state here. Processing waits for it.
   */
  readonly onPartitionsAssigned?: PartitionListener;
  /**
   * Called when partitions were taken away (after the rebalance: kafkajs has no hook before it) and
   * for all partitions when the consumer stops. Their last handled batch was committed, or will be
   * delivered again to the new owner.
   */
  readonly onPartitionsRevoked?: PartitionListener;
  /** Backoff for retriable handler and listener errors; by default retries without end, up to 30 s apart. */
  readonly retry?: RetryOptions;
  readonly sessionTimeoutMs?: number;
  readonly rebalanceTimeoutMs?: number;
  /** Default: a third of the session timeout, at most 3 s. */
  readonly heartbeatIntervalMs?: number;
  /** Longest a fetch waits for new data; also bounds how fast `stop()` returns on an idle topic. */
  readonly maxWaitTimeMs?: number;
  readonly maxBytesPerPartition?: number;
  /** How many partitions' batches are handled at the same time. */
  readonly partitionsConsumedConcurrently?: number;
  /** Signals that stop the consumer gracefully; `false` to leave signals to the service. */
  readonly shutdownSignals?: readonly NodeJS.Signals[] | false;
}
