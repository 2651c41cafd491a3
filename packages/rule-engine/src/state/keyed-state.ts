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
  /** Last event time that touched this value (the LRU order follows it). */
  readonly lastTime: (value: V) => number;
  /** Frees resources held by a dropped value (e.g. a ring slot). */
  readonly release?: (value: V) => void;
}

/**
 * The one Map of an operator, keyed by group key. Every touch moves the key to the end of the Map's
 * insertion order; since operators see event time in non-decreasing order, the Map is then sorted
 * by last activity, so expired keys are popped from the front in O(1) each instead of scanning all
 * keys, and at the cap the least recently active key is the one dropped.
 */
export class KeyedState<V> {
  readonly map = new Map<string, V>();
  readonly stats: KeyStats = { keys: 0, evicted: 0, evictedForCap: 0 };
  /** Values last active at or before this time are dead state: dropping them is not a loss. */
  cutoff = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: KeyedStateOptions<V>) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Stores the value as the most recently active key; makes room first if the key is new. */
  set(key: string, value: V): void {
    if (this.map.delete(key)) {
      this.map.set(key, value);
      return;
    }
    if (this.map.size >= this.options.maxKeys) this.evictOldest();
    this.map.set(key, value);
    this.stats.keys = this.map.size;
  }

  /** Updates a value in place without changing its recency (e.g. a moved ring handle). */
  replace(key: string, value: V): void {
    this.map.set(key, value);
  }

  delete(key: string): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.options.release?.(value);
    this.stats.keys = this.map.size;
  }

  /** Drops keys whose last activity is <= cutoff, oldest first; stops at the first live key. */
  expire(cutoff: number): void {
    this.cutoff = cutoff;
    for (const [key, value] of this.map) {
      if (this.options.lastTime(value) > cutoff) break;
      this.map.delete(key);
      this.options.release?.(value);
      this.stats.evicted++;
    }
    this.stats.keys = this.map.size;
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

  clear(): void {
    for (const value of this.map.values()) this.options.release?.(value);
    this.map.clear();
    this.stats.keys = 0;
  }
}
