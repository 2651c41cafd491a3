import type { GroupValue } from '../model/compiled-rule.js';
import type { KeyedState } from '../state/keyed-state.js';
import type { RingStore } from '../state/ring-store.js';

/** One ring entry in a snapshot: [time ms, event id, dataset] or, with a value, [.., value]. */
export type RingEntryJson = readonly [number, string, string] | readonly [number, string, string, GroupValue];

/** Rings as JSON, in the Map's recency order, so a restore rebuilds the same eviction order. */
export function snapshotRings(
  keys: KeyedState<number>,
  store: RingStore,
  filter?: (groupKey: string) => boolean,
): [string, RingEntryJson[]][] {
  const out: [string, RingEntryJson[]][] = [];
  for (const [key, h] of keys.map) {
    if (filter !== undefined && !filter(key)) continue;
    const entries = store
      .entries(h)
      .map((e): RingEntryJson =>
        e.value === undefined ? [e.ts, e.id, e.dataset] : [e.ts, e.id, e.dataset, e.value],
      );
    out.push([key, entries]);
  }
  return out;
}

export function restoreRing(store: RingStore, json: unknown): number {
  let h = store.alloc();
  for (const [ts, id, dataset, value] of json as RingEntryJson[]) h = store.push(h, ts, id, dataset, value);
  return h;
}
