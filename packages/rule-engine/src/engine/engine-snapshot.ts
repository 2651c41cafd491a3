import type { VigilEvent } from '@vigil/schema';
import type { OperatorSnapshot } from '../model/match.js';
import type { WatermarkSnapshot } from '../time/watermark-tracker.js';

export const SNAPSHOT_FORMAT = 'vigil.rule-engine/1';

/**
 * All engine state as JSON (JSON.stringify-able as is): watermarks, the events still waiting in
 * the reorder buffer, and each operator's keys. Operators are matched to rules by id, version and
 * type on restore; state of any other rule is dropped.
 */
export interface EngineSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly watermark: WatermarkSnapshot;
  readonly buffer: readonly VigilEvent[];
  readonly operators: readonly {
    readonly id: string;
    readonly version: string;
    readonly state: OperatorSnapshot;
  }[];
}

export interface SnapshotOptions {
  /**
   * Keeps only the group keys for which this returns true (e.g. the keys a partition owns). The
   * watermarks and the reorder buffer are always included whole.
   */
  readonly filter?: (ruleId: string, groupKey: string) => boolean;
}
