import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert, valueText } from '../alert/build-alert.js';
import type { NewTermsRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
  scanEvery,
} from '../model/match.js';
import { groupKey } from '../state/group-key.js';
import { KeyedState } from '../state/keyed-state.js';
import { toRxOperator } from './to-rx-operator.js';

/** Snapshot key holding the operator's learning deadline (group keys never start with `#`). */
const LEARNING_KEY = '#learning';

/**
 * `new_terms` (Vigil extension): the first time a tuple of `fields` values is seen for a group
 * within `historyMs` (a term last seen longer ago is new again). One Map entry per (group, term)
 * holds its last-seen time; entries older than the history expire. With `newTermsLearning`, the
 * first `historyMs` of event time after the first match only learns, so a fresh engine does not
 * flag every term it meets. Tuples whose values are all null (fields missing) are ignored.
 */
export function createNewTerms(
  rule: NewTermsRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const history = rule.historyMs;
  const keys = new KeyedState<number>({
    maxKeys: options.maxKeys,
    lastTime: (ts) => ts,
    scanEveryMs: scanEvery(history, options),
  });
  let learnUntil: number | undefined;

  return {
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const terms = rule.valuesOf(match.event);
      if (terms.every((t) => t === null)) return;
      const values = rule.groupBy.valuesOf(rule.meta.id, match.event);
      const key = `${groupKey(values)}\u001e${groupKey(terms)}`;
      learnUntil ??= options.newTermsLearning
        ? (options.newTermsLearningFromMs ?? match.ts) + history
        : Number.NEGATIVE_INFINITY;
      const seen = keys.get(key);
      keys.set(key, match.ts);
      if (seen !== undefined && seen > match.ts - history) return;
      if (match.ts < learnUntil) return;
      const parts = {
        ts: match.ts,
        groupNames: rule.groupBy.names,
        groupValues: values,
        windowStart: match.ts,
        windowEnd: match.ts,
        count: 1,
        evidence: match.evidence,
        datasets: match.datasets,
        distinct: { field: rule.fields.join(','), values: terms.map(valueText) },
        event: match.event,
      };
      emit(buildAlert(rule, parts, options.maxEvidence), match);
    },
    advance(ts) {
      keys.expire(ts - history, ts);
    },
    keyStats: () => keys.stats,
    snapshot: (filter) => ({
      type: rule.type,
      keys: [
        // JSON has no -Infinity: learning off is stored as null.
        ...(learnUntil === undefined
          ? []
          : [[LEARNING_KEY, Number.isFinite(learnUntil) ? learnUntil : null] as const]),
        ...[...keys.map].filter(([key]) => filter?.(key.slice(0, key.indexOf('\u001e'))) ?? true),
      ],
    }),
    restore(snapshot) {
      for (const [key, ts] of snapshot.keys) {
        if (key === LEARNING_KEY) learnUntil = (ts as number | null) ?? Number.NEGATIVE_INFINITY;
        else keys.set(key, ts as number);
      }
    },
  };
}

/** `new_terms` as an RxJS operator over this rule's matches. */
export function newTerms(
  rule: NewTermsRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createNewTerms(rule, resolved), options);
}
