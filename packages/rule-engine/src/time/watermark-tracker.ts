export interface WatermarkOptions {
  /** How far behind its source's newest event an event may arrive and still be processed in order. */
  readonly allowedLatenessMs: number;
  /**
   * A source whose newest event is this far (event time) behind the newest event of any source is
   * idle: it stops holding the global watermark back until it sends again.
   */
  readonly idleTimeoutMs: number;
}

export interface WatermarkSnapshot {
  readonly watermark: number | null;
  readonly maxSeen: number | null;
  readonly sources: readonly (readonly [string, number])[];
}

/**
 * Per-source watermarks on event time. A source's watermark is its newest event time minus the
 * allowed lateness; the global watermark is the minimum over active sources, and never moves back.
 * Everything strictly before the global watermark is final: such an event arriving now is late.
 *
 * Idleness is judged on event time, not wall time, so a replay gives the same watermarks as the
 * live run. Active sources sit in a min-heap by newest time: O(log sources) per event.
 */
interface Source {
  readonly name: string;
  time: number;
  pos: number;
}

export class WatermarkTracker {
  private wm = Number.NEGATIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  /** Min-heap of active sources by newest time; each source knows its position (no index Map writes). */
  private readonly heap: Source[] = [];
  private readonly byName = new Map<string, Source>();

  constructor(private readonly options: WatermarkOptions) {}

  /** Global watermark in ms; -Infinity before the first event. */
  get watermark(): number {
    return this.wm;
  }

  /** Newest event time seen from any source. */
  get maxSeen(): number {
    return this.max;
  }

  get activeSources(): number {
    return this.heap.length;
  }

  /** Notes an event from a source; returns the (possibly advanced) global watermark. */
  observe(name: string, ts: number): number {
    const source = this.byName.get(name);
    if (source === undefined) {
      const added: Source = { name, time: ts, pos: this.heap.length };
      this.heap.push(added);
      this.byName.set(name, added);
      this.up(added);
    } else if (ts > source.time) {
      source.time = ts;
      this.down(source);
    }
    if (ts > this.max) this.max = ts;
    const idleBefore = this.max - this.options.idleTimeoutMs;
    for (
      let top = this.heap[0];
      top !== undefined && this.heap.length > 1 && top.time < idleBefore;
      top = this.heap[0]
    ) {
      this.removeTop();
    }
    const candidate = (this.heap[0]?.time ?? Number.NEGATIVE_INFINITY) - this.options.allowedLatenessMs;
    if (candidate > this.wm) this.wm = candidate;
    return this.wm;
  }

  /** Moves the watermark forward (never back): `advanceTo`, end of input, buffer overflow. */
  advanceTo(ts: number): number {
    if (ts > this.wm) this.wm = ts;
    return this.wm;
  }

  snapshot(): WatermarkSnapshot {
    return {
      watermark: Number.isFinite(this.wm) ? this.wm : null,
      maxSeen: Number.isFinite(this.max) ? this.max : null,
      sources: this.heap.map((s) => [s.name, s.time] as const),
    };
  }

  restore(snapshot: WatermarkSnapshot): void {
    for (const [name, ts] of snapshot.sources) this.observe(name, ts);
    this.wm = snapshot.watermark ?? Number.NEGATIVE_INFINITY;
    this.max = snapshot.maxSeen ?? Number.NEGATIVE_INFINITY;
  }

  /** Forgets the oldest source (idle): it is re-added, from its next event on, if it speaks again. */
  private removeTop(): void {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined) return;
    this.byName.delete(top.name);
    if (last === top) return;
    heap[0] = last;
    last.pos = 0;
    this.down(last);
  }

  private place(source: Source, pos: number): void {
    this.heap[pos] = source;
    source.pos = pos;
  }

  private up(source: Source): void {
    let pos = source.pos;
    while (pos > 0) {
      const parent = this.heap[(pos - 1) >> 1];
      if (parent === undefined || parent.time <= source.time) break;
      this.place(parent, pos);
      pos = (pos - 1) >> 1;
    }
    this.place(source, pos);
  }

  private down(source: Source): void {
    const heap = this.heap;
    let pos = source.pos;
    for (;;) {
      const l = 2 * pos + 1;
      const left = heap[l];
      if (left === undefined) break;
      const right = heap[l + 1];
      const child = right !== undefined && right.time < left.time ? right : left;
      if (source.time <= child.time) break;
      this.place(child, pos);
      pos = child === left ? l : l + 1;
    }
    this.place(source, pos);
  }
}
