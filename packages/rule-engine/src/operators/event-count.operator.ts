import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert } from '../alert/build-alert.js';
import { firingCount } from '../alert/count-condition.js';
import type { EventCountRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
  scanEvery,
} from '../model/match.js';
import { groupKey } from '../state/group-key.js';
import { KeyedState } from '../state/keyed-state.js';
import { RingStore } from '../state/ring-store.js';
import { restoreRing, snapshotRings } from './ring-snapshot.js';
import { toRxOperator } from './to-rx-operator.js';

/**
 * `event_count`: a sliding window of `timespanMs` per group (events with time in (t - span, t]).
 * Fires at the match that makes the count satisfy the condition, then clears the group's window:
 * the group fires again only after a fresh run of `n` matches (as Sigma backends and Elastic's
 * threshold rules do). The ring of a group holds at most `n` entries, the firing count.
 */
export function createEventCount(
  rule: EventCountRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const need = firingCount(rule.condition);
  if (need === undefined) throw new RangeError(`rule ${rule.meta.id}: condition can never hold`);
  const span = rule.timespanMs;
  const store = new RingStore(need);
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
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const values = rule.groupBy.valuesOf(match.ruleId, match.event);
      const key = groupKey(values);
      const existing = keys.get(key);
      let h = existing ?? store.alloc();
      store.expire(h, match.ts - span);
      h = store.push(h, match.ts, match.event.event.id, match.event.event.dataset);
      if (h !== existing) keys.set(key, h);
      if (store.size(h) < need) return;
      const entries = store.entries(h);
      keys.set(key, store.reset(h));
      const parts = {
        ts: match.ts,
        groupNames: rule.groupBy.names,
        groupValues: values,
        windowStart: entries[0]?.ts ?? match.ts,
        windowEnd: match.ts,
        count: entries.length,
        evidence: entries.map((e) => e.id),
        datasets: entries.map((e) => e.dataset),
        event: match.event,
      };
      emit(buildAlert(rule, parts, options.maxEvidence), match);
    },
    advance(ts) {
      keys.expire(ts - span, ts);
    },
    keyStats: () => keys.stats,
    snapshot: (filter) => ({ type: rule.type, keys: snapshotRings(keys, store, filter) }),
    restore(snapshot) {
      for (const [key, entries] of snapshot.keys) keys.set(key, restoreRing(store, entries));
    },
  };
}

/** `event_count` as an RxJS operator over matches of the referenced rules. */
export function eventCount(
  rule: EventCountRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createEventCount(rule, resolved), options);
}
