export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** The group's committed offset (the next one it will read), or null when it never committed. */
  readonly committed: string | null;
  readonly low: string;
  readonly high: string;
  /** Messages the group has yet to process: high watermark minus committed (or minus low, never committed). */
  readonly lag: number;
}

/**
 * Lag per partition from the group's committed offsets (kafkajs' `fetchOffsets`, `-1` = none) and the
 * topic's watermarks (`fetchTopicOffsets`). A committed offset below the log start (retention deleted
 * the messages) counts from the log start, as the consumer will.
 */
export function computeLag(
  topic: string,
  committed: readonly { partition: number; offset: string }[],
  watermarks: readonly { partition: number; low: string; high: string }[],
): PartitionLag[] {
  const byPartition = new Map(committed.map((entry) => [entry.partition, entry.offset]));
  return [...watermarks]
    .sort((a, b) => a.partition - b.partition)
    .map(({ partition, low, high }) => {
      const raw = byPartition.get(partition);
      const value = raw === undefined || BigInt(raw) < 0n ? null : raw;
      const from = value === null || BigInt(value) < BigInt(low) ? BigInt(low) : BigInt(value);
      const lag = BigInt(high) > from ? Number(BigInt(high) - from) : 0;
      return { topic, partition, committed: value, low, high, lag };
    });
}
