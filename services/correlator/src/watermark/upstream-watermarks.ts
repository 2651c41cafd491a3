import type { WatermarkMarker } from './watermark-marker.schema.js';

interface Mark {
  /** Newest event time seen on the upstream partition (never moves back), null when none yet. */
  ts: number | null;
  idle: boolean;
}

export interface UpstreamWatermarksSnapshot {
  readonly partitions: number;
  readonly marks: readonly (readonly [number, number | null, boolean])[];
}

/**
 * Stage 2's view of the upstream partitions, built from the markers in its repartition partition.
 * The event time before which everything is final is the minimum over active upstream partitions
 * minus the allowed lateness; idle ones (caught up and quiet) do not hold it back. When every
 * upstream partition is idle the input has ended for now: like the end of a replay, everything up to
 * the newest event is released. Nothing is decided before every upstream partition was heard of.
 */
export class UpstreamWatermarks {
  private readonly marks = new Map<number, Mark>();
  private partitions = 0;

  apply(marker: WatermarkMarker): void {
    this.partitions = marker.partitions;
    for (const up of marker.upstreams) {
      const known = this.marks.get(up.partition);
      const ts =
        known?.ts === null || known === undefined
          ? up.ts
          : up.ts === null
            ? known.ts
            : Math.max(known.ts, up.ts);
      this.marks.set(up.partition, { ts, idle: up.idle });
    }
  }

  /** The watermark the markers allow, or undefined while they allow none. */
  target(latenessMs: number): number | undefined {
    if (this.partitions === 0) return undefined;
    let minActive = Number.POSITIVE_INFINITY;
    let maxAll = Number.NEGATIVE_INFINITY;
    let active = 0;
    for (let p = 0; p < this.partitions; p++) {
      const mark = this.marks.get(p);
      if (mark === undefined) return undefined;
      if (mark.ts !== null && mark.ts > maxAll) maxAll = mark.ts;
      if (mark.idle) continue;
      // Active but nothing seen yet (its owner is still catching up): it holds everything back.
      if (mark.ts === null) return undefined;
      active++;
      if (mark.ts < minActive) minActive = mark.ts;
    }
    if (active > 0) return minActive - latenessMs;
    return Number.isFinite(maxAll) ? maxAll + 1 : undefined;
  }

  /** Newest event time any upstream partition reported (for the watermark-lag metric). */
  get newest(): number | undefined {
    let max: number | undefined;
    for (const mark of this.marks.values())
      if (mark.ts !== null && (max === undefined || mark.ts > max)) max = mark.ts;
    return max;
  }

  snapshot(): UpstreamWatermarksSnapshot {
    return {
      partitions: this.partitions,
      marks: [...this.marks].sort(([a], [b]) => a - b).map(([p, mark]) => [p, mark.ts, mark.idle] as const),
    };
  }

  static restore(snapshot: UpstreamWatermarksSnapshot): UpstreamWatermarks {
    const table = new UpstreamWatermarks();
    table.partitions = snapshot.partitions;
    for (const [p, ts, idle] of snapshot.marks) table.marks.set(p, { ts, idle });
    return table;
  }
}
