import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert } from '../alert/build-alert.js';
import type { EventCountRule } from '../model/compiled-rule.js';
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
 * `event_count`: a sliding window of `timespanMs` per group (events with time in (t - span, t]).
 * Fires at the match that makes the count satisfy the condition, then clears the group's window:
 * the group fires again only after a fresh run of `n` matches (as Sigma backends and Elastic's
 * threshold rules do). The ring of a group holds at most `n` entries, the firing count.
 */
export function createEventCount(
  rule: EventCountRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const window = countWindow(rule, options, false);
  return {
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const values = rule.groupBy.valuesOf(match.ruleId, match.event);
      const key = groupKey(values);
      const ring = window.ringOf(key, match.ts);
      const h = window.store.push(ring.handle, match.ts, match.event.event.id, match.event.event.dataset);
      const entries = window.settle(key, h, !ring.known || h !== ring.handle);
      if (entries === undefined) return;
      const parts = { ...window.parts(match, values, entries), groupNames: rule.groupBy.names };
      emit(buildAlert(rule, parts, options.maxEvidence), match);
    },
    ...window.lifecycle,
  };
}

/** `event_count` as an RxJS operator over matches of the referenced rules. */
export function eventCount(
  rule: EventCountRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createEventCount(rule, resolved), options);
}
