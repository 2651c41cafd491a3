import { firingCount } from '../alert/count-condition.js';
import type { EventCountRule, GroupValue, ValueCountRule } from '../model/compiled-rule.js';
import { type Match, type OperatorOptions, type RuleOperator, scanEvery } from '../model/match.js';
import { KeyedState } from '../state/keyed-state.js';
import { RingStore, type RingEntry } from '../state/ring-store.js';
import { restoreRing, snapshotRings } from './ring-snapshot.js';

/** What `event_count` and `value_count` share: a ring per group over a sliding window, fired when full. */
export interface CountWindow {
  readonly store: RingStore;
  /** The group's ring (allocated when new) without the entries older than the window ending at `ts`. */
  ringOf(key: string, ts: number): { readonly handle: number; readonly known: boolean };
  /**
   * Keeps the group's ring after a push (which may move it); when it holds the firing count, empties
   * it and returns the entries that fire, oldest first.
   */
  settle(key: string, handle: number, moved: boolean): RingEntry[] | undefined;
  /** The alert parts every count alert has. */
  parts(
    match: Match,
    values: readonly GroupValue[],
    entries: readonly RingEntry[],
  ): {
    ts: number;
    groupValues: readonly GroupValue[];
    windowStart: number;
    windowEnd: number;
    count: number;
    evidence: string[];
    datasets: string[];
    event: Match['event'];
  };
  /** The operator methods that only touch the window's state. */
  readonly lifecycle: Pick<RuleOperator, 'advance' | 'keyStats' | 'snapshot' | 'restore'>;
}

/**
 * The window of a count rule: `timespanMs` per group (events with time in (t - span, t]), rings of
 * at most the firing count, least recently active groups dropped past `maxKeys`, expiry by event
 * time. `distinct` keeps one entry per value (value_count).
 */
export function countWindow(
  rule: EventCountRule | ValueCountRule,
  options: OperatorOptions,
  distinct: boolean,
): CountWindow {
  const need = firingCount(rule.condition);
  if (need === undefined) throw new RangeError(`rule ${rule.meta.id}: condition can never hold`);
  const span = rule.timespanMs;
  const store = new RingStore(need, distinct);
  const newest = (h: number): number => {
    const n = store.size(h);
    return n === 0 ? Number.NEGATIVE_INFINITY : store.tsAt(h, n - 1);
  };
  const keys = new KeyedState<number>({
    maxKeys: options.maxKeys,
    lastTime: newest,
    release: (h) => store.free(h),
    scanEveryMs: scanEvery(span, options),
  });
  return {
    store,
    ringOf(key, ts) {
      const existing = keys.get(key);
      const handle = existing ?? store.alloc();
      store.expire(handle, ts - span);
      return { handle, known: existing !== undefined };
    },
    settle(key, handle, moved) {
      if (moved) keys.set(key, handle);
      if (store.size(handle) < need) return undefined;
      const entries = store.entries(handle);
      keys.set(key, store.reset(handle));
      return entries;
    },
    parts: (match, values, entries) => ({
      ts: match.ts,
      groupValues: values,
      windowStart: entries[0]?.ts ?? match.ts,
      windowEnd: match.ts,
      count: entries.length,
      evidence: entries.map((e) => e.id),
      datasets: entries.map((e) => e.dataset),
      event: match.event,
    }),
    lifecycle: {
      advance(ts) {
        keys.expire(ts - span, ts);
      },
      keyStats: () => keys.stats,
      snapshot: (filter) => ({ type: rule.type, keys: snapshotRings(keys, store, filter) }),
      restore(snapshot) {
        for (const [key, entries] of snapshot.keys) keys.set(key, restoreRing(store, entries));
      },
    },
  };
}
