import type { EngineSnapshot } from '@vigil/rule-engine';
import type { UpstreamWatermarksSnapshot } from '../watermark/upstream-watermarks.js';

export const PARTITION_SNAPSHOT_FORMAT = 'vigil.correlator.partition/1';

/** All state of one repartition partition as JSON; the checkpoint pairs it with the offset it covers. */
export interface PartitionSnapshot {
  readonly format: typeof PARTITION_SNAPSHOT_FORMAT;
  /** Partitions of the repartition topic when saved: a resize since then moved keys away from this state. */
  readonly partitions?: number;
  readonly watermark: number | null;
  readonly upstreams: UpstreamWatermarksSnapshot;
  /** `family NUL upstream partition` → highest upstream offset applied, as a decimal string. */
  readonly dedup: readonly (readonly [string, string])[];
  /** Family id → its engine's snapshot. */
  readonly engines: readonly (readonly [string, EngineSnapshot])[];
}
