import type { ConsumerOptions } from './consumer-options.js';

/** The consumer knobs every service reads from its environment (`VIGIL_<SERVICE>_MAX_WAIT_MS`, …). */
export interface ConsumerTuning {
  /** How many partitions' batches are handled at the same time. */
  readonly partitionsConcurrently: number;
  readonly maxBytesPerPartition: number;
  /** Longest a fetch waits for new data. */
  readonly maxWaitMs: number;
  /** A member that stops heartbeating (killed) holds its partitions this long. */
  readonly sessionTimeoutMs: number;
}

/** A service's tuning as consumer options, to spread into `createConsumer`'s. */
export function consumerTuning(
  tuning: ConsumerTuning,
): Pick<
  ConsumerOptions,
  'partitionsConsumedConcurrently' | 'maxBytesPerPartition' | 'maxWaitTimeMs' | 'sessionTimeoutMs'
> {
  return {
    partitionsConsumedConcurrently: tuning.partitionsConcurrently,
    maxBytesPerPartition: tuning.maxBytesPerPartition,
    maxWaitTimeMs: tuning.maxWaitMs,
    sessionTimeoutMs: tuning.sessionTimeoutMs,
  };
}
