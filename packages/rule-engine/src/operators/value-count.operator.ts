import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert, valueText } from '../alert/build-alert.js';
import type { ValueCountRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
} from '../model/match.js';
import { groupKey } from '../state/group-key.js';
import { countWindow } from './count-window.js';
import { toRxOperator } from './to-rx-operator.js';

/**
 * `value_count`: distinct values of `field` per group in a sliding window of `timespanMs`
 * (password spray: distinct users per source; port scan: distinct ports per source). The ring of
 * a group holds one entry per distinct value, at its latest occurrence, oldest first, so expiry
 * from the old end is exact and the ring never exceeds the firing count. Fires when the number of
 * distinct values satisfies the condition, then clears the group (same re-fire policy as
 * event_count). Matches whose value is null (field missing) are ignored.
 */
export function createValueCount(
  rule: ValueCountRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const window = countWindow(rule, options, true);
  return {
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const value = rule.valueOf(match.ruleId, match.event);
      if (value === null) return;
      const values = rule.groupBy.valuesOf(match.ruleId, match.event);
      const key = groupKey(values);
      const ring = window.ringOf(key, match.ts);
      const repeat = window.store.indexOfValue(ring.handle, value);
      if (repeat >= 0) window.store.removeAt(ring.handle, repeat);
      const h = window.store.push(
        ring.handle,
        match.ts,
        match.event.event.id,
        match.event.event.dataset,
        value,
      );
      const entries = window.settle(key, h, !ring.known || h !== ring.handle);
      if (entries === undefined) return;
      const parts = {
        ...window.parts(match, values, entries),
        groupNames: rule.groupBy.names,
        distinct: { field: rule.field, values: entries.map((e) => valueText(e.value ?? null)) },
      };
      emit(buildAlert(rule, parts, options.maxEvidence), match);
    },
    ...window.lifecycle,
  };
}

/** `value_count` as an RxJS operator over matches of the referenced rules. */
export function valueCount(
  rule: ValueCountRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createValueCount(rule, resolved), options);
}
