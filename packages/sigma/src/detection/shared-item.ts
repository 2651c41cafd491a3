import type { EventPredicate } from '@vigil/rule-engine';
import { memoPerEvent } from '../field/memo-per-event.js';

/** Plain `field: values` items by (event fields, values): many rules repeat `event.dataset: system.auth`. */
const shared = new Map<string, EventPredicate>();

/**
 * The one predicate for a modifier-free item: the first rule to compile it supplies it, memoized
 * per event, and every rule with the same item reuses it, so inside an event scope it runs once
 * per event. Only modifier-free items: their meaning depends on nothing but the fields and values.
 */
export function sharedItem(
  fields: readonly string[],
  values: readonly unknown[],
  compiled: EventPredicate,
): EventPredicate {
  // Type and text of each value: 1 and '1' differ, and NaN must not collide with null as in JSON.
  const key = JSON.stringify([fields, values.map((value) => [typeof value, String(value)])]);
  let predicate = shared.get(key);
  if (predicate === undefined) {
    predicate = memoPerEvent(compiled);
    // Bounded in practice by the rules loaded; the bound only stops sharing, never changes answers.
    if (shared.size >= 100_000) shared.clear();
    shared.set(key, predicate);
  }
  return predicate;
}
