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
 * live run. Active sources sit in an indexed min-heap by newest time: O(log sources) per event.
 */
export class WatermarkTracker {
  private wm = Number.NEGATIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private readonly names: string[] = [];
  private readonly times: number[] = [];
  private readonly index = new Map<string, number>();

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
    return this.names.length;
  }

  /** Notes an event from a source; returns the (possibly advanced) global watermark. */
  observe(source: string, ts: number): number {
    const i = this.index.get(source);
    if (i === undefined) {
      this.names.push(source);
      this.times.push(ts);
      this.index.set(source, this.names.length - 1);
      this.up(this.names.length - 1);
    } else if (ts > (this.times[i] ?? ts)) {
      this.times[i] = ts;
      this.down(i);
    }
    if (ts > this.max) this.max = ts;
    const idleBefore = this.max - this.options.idleTimeoutMs;
    while (this.names.length > 1 && (this.times[0] ?? 0) < idleBefore) this.removeTop();
    const candidate = (this.times[0] ?? Number.NEGATIVE_INFINITY) - this.options.allowedLatenessMs;
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
      sources: this.names.map((name, i) => [name, this.times[i] ?? 0] as const),
    };
  }

  restore(snapshot: WatermarkSnapshot): void {
    for (const [name, ts] of snapshot.sources) this.observe(name, ts);
    this.wm = snapshot.watermark ?? Number.NEGATIVE_INFINITY;
    this.max = snapshot.maxSeen ?? Number.NEGATIVE_INFINITY;
  }

  private removeTop(): void {
    const last = this.names.length - 1;
    this.index.delete(this.names[0] ?? '');
    if (last > 0) {
      this.move(last, 0);
      this.names.pop();
      this.times.pop();
      this.down(0);
    } else {
      this.names.pop();
      this.times.pop();
    }
  }

  private move(from: number, to: number): void {
    const name = this.names[from] ?? '';
    this.names[to] = name;
    this.times[to] = this.times[from] ?? 0;
    this.index.set(name, to);
  }

  private swap(a: number, b: number): void {
    const name = this.names[a] ?? '';
    const time = this.times[a] ?? 0;
    this.move(b, a);
    this.names[b] = name;
    this.times[b] = time;
    this.index.set(name, b);
  }

  private up(i: number): void {
    let c = i;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if ((this.times[p] ?? 0) <= (this.times[c] ?? 0)) break;
      this.swap(c, p);
      c = p;
    }
  }

  private down(i: number): void {
    const n = this.names.length;
    let c = i;
    for (;;) {
      const l = 2 * c + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && (this.times[r] ?? 0) < (this.times[l] ?? 0) ? r : l;
      if ((this.times[c] ?? 0) <= (this.times[m] ?? 0)) break;
      this.swap(c, m);
      c = m;
    }
  }
}
