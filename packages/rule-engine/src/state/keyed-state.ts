/** Counters of one operator's key table, reported in `stats` outputs. */
export interface KeyStats {
  keys: number;
  /** Keys dropped because their window had expired relative to event time. */
  evicted: number;
  /** Keys dropped to stay under `maxKeys` although they still held live state. */
  evictedForCap: number;
}

export interface KeyedStateOptions<V> {
  readonly maxKeys: number;
  /** Last event time that touched this value. */
  readonly lastTime: (value: V) => number;
  /** Frees resources held by a dropped value (e.g. a ring slot). */
  readonly release?: (value: V) => void;
  /**
   * Event time between two scans for expired keys. Scans are whole-Map, so this is what makes them
   * cheap: the engine uses a quarter of the rule's window (at least its sweep interval).
   */
  readonly scanEveryMs: number;
}

/**
 * The one Map of an operator, keyed by group key. Touching a key does not reorder the Map (a
 * delete+set per event costs more than the whole scan it would save); instead expired keys are
 * found by a full scan at most every `scanEveryMs` of event time, so a dead key lives at most that
 * much longer than its window, and the scan costs keys / (events per scan interval) per event.
 * At the cap, the oldest-created key is dropped (counted as an eviction if it was already dead).
 */
export class KeyedState<V> {
  readonly map = new Map<string, V>();
  readonly stats: KeyStats = { keys: 0, evicted: 0, evictedForCap: 0 };
  /** Values last active at or before this time are dead state: dropping them is not a loss. */
  cutoff = Number.NEGATIVE_INFINITY;
  private nextScan = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: KeyedStateOptions<V>) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Stores a value; makes room first if the key is new and the table is full. */
  set(key: string, value: V): void {
    const size = this.map.size;
    if (size >= this.options.maxKeys && !this.map.has(key)) this.evictOldest();
    this.map.set(key, value);
    if (this.map.size !== size) this.stats.keys = this.map.size;
  }

  delete(key: string): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.options.release?.(value);
    this.stats.keys = this.map.size;
  }

  /**
   * Event time is `now`; values last active at or before `cutoff` are dead. Scans for them when the
   * scan interval has passed (or always, with `force`).
   */
  expire(cutoff: number, now: number, force = false): void {
    this.cutoff = cutoff;
    if (!force && now < this.nextScan) return;
    this.nextScan = now + this.options.scanEveryMs;
    const { lastTime, release } = this.options;
    const map = this.map;
    let evicted = 0;
    // forEach, not for-of over entries: no [key, value] array per key on every scan.
    map.forEach((value, key) => {
      if (lastTime(value) > cutoff) return;
      map.delete(key);
      release?.(value);
      evicted++;
    });
    this.stats.evicted += evicted;
    this.stats.keys = map.size;
  }

  private evictOldest(): void {
    for (const [key, value] of this.map) {
      const dead = this.options.lastTime(value) <= this.cutoff;
      this.map.delete(key);
      this.options.release?.(value);
      if (dead) this.stats.evicted++;
      else this.stats.evictedForCap++;
      return;
    }
  }
}
