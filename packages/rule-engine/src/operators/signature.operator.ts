import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert } from '../alert/build-alert.js';
import type { DetectionRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
} from '../model/match.js';
import { toRxOperator } from './to-rx-operator.js';

/**
 * `signature`: one alert per matching event. Stateless; with `suppress` the engine wraps it in
 * `suppressed()` (at most one alert per suppression group per window). The group is the
 * suppression group-by, or empty.
 */
export function createSignature(
  rule: DetectionRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const names = rule.suppress?.groupBy.names ?? [];
  return {
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const values = rule.suppress?.groupBy.valuesOf(rule.meta.id, match.event) ?? [];
      const parts = {
        ts: match.ts,
        groupNames: names,
        groupValues: values,
        windowStart: match.ts,
        windowEnd: match.ts,
        count: 1,
        evidence: match.evidence,
        datasets: match.datasets,
        event: match.event,
      };
      emit(buildAlert(rule, parts, options.maxEvidence), match);
    },
    advance() {
      // Stateless: nothing expires.
    },
    keyStats: () => ({ keys: 0, evicted: 0, evictedForCap: 0 }),
    snapshot: () => ({ type: rule.type, keys: [] }),
    restore() {
      // Stateless: nothing to restore.
    },
  };
}

/** `signature` as an RxJS operator over matches of this rule. */
export function signature(
  rule: DetectionRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createSignature(rule, resolved), options);
}
