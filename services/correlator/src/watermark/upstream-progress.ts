import type { UpstreamMark } from './watermark-marker.schema.js';

interface Progress {
  /** Newest event time whose copies are acknowledged. */
  newest: number | null;
  /** Wall time of the last batch (or of the assignment). */
  lastActivity: number;
  /** Whether the consumer had read everything there was, as of `lastActivity` or a lag check. */
  caughtUp: boolean;
  /** A batch is being routed: whatever the lag said, the partition is not idle. */
  inFlight: boolean;
}

/**
 * Stage 1's record of the upstream partitions it owns, for the watermark markers: how far each got
 * in event time, and whether it is idle — caught up (nothing left to read) and quiet for
 * `idleAfterMs` of wall time. Pure: the caller passes the clock.
 */
export class UpstreamProgress {
  private readonly owned = new Map<number, Progress>();

  constructor(private readonly idleAfterMs: number) {}

  assign(partitions: readonly number[], now: number): void {
    for (const p of partitions)
      this.owned.set(p, { newest: null, lastActivity: now, caughtUp: false, inFlight: false });
  }

  revoke(partitions: readonly number[]): void {
    for (const p of partitions) this.owned.delete(p);
  }

  get partitions(): number[] {
    return [...this.owned.keys()].sort((a, b) => a - b);
  }

  batchStarted(partition: number): void {
    const progress = this.owned.get(partition);
    if (progress !== undefined) progress.inFlight = true;
  }

  /** A batch's copies are acknowledged (or it was given up); `lagAfter` is what is left to read. */
  batchDone(partition: number, newest: number | undefined, lagAfter: number, now: number): void {
    const progress = this.owned.get(partition);
    if (progress === undefined) return;
    progress.inFlight = false;
    if (newest !== undefined && (progress.newest === null || newest > progress.newest))
      progress.newest = newest;
    progress.lastActivity = now;
    progress.caughtUp = lagAfter <= 0;
  }

  /** Owned partitions quiet long enough whose caught-up state is unknown: ask Kafka for their lag. */
  needLagCheck(now: number): number[] {
    return [...this.owned]
      .filter(
        ([, progress]) =>
          !progress.caughtUp && !progress.inFlight && now - progress.lastActivity >= this.idleAfterMs,
      )
      .map(([p]) => p);
  }

  /**
   * From a lag check: caught up when nothing is left to read. Messages waiting withdraw an idle claim:
   * they arrived after the partition went quiet and its consumer has not fetched them yet.
   */
  lagChecked(partition: number, lag: number): void {
    const progress = this.owned.get(partition);
    if (progress === undefined || progress.inFlight) return;
    progress.caughtUp = lag <= 0;
  }

  /**
   * Partitions `marks(now)` would call idle. A claim rests on a lag seen a while ago: the caller
   * checks these again (`lagChecked`) before sending it, since stage 2 lets the other partitions run
   * ahead of an idle one and its new messages would come in behind the watermark.
   */
  idleClaims(now: number): number[] {
    return this.partitions.filter((partition) => this.isIdle(this.owned.get(partition), now));
  }

  marks(now: number): UpstreamMark[] {
    return this.partitions.map((partition) => {
      const progress = this.owned.get(partition);
      return { partition, ts: progress?.newest ?? null, idle: this.isIdle(progress, now) };
    });
  }

  private isIdle(progress: Progress | undefined, now: number): boolean {
    return (
      progress !== undefined &&
      progress.caughtUp &&
      !progress.inFlight &&
      now - progress.lastActivity >= this.idleAfterMs
    );
  }
}
