import type { OperatorFunction } from 'rxjs';
import type { Alert } from '@vigil/schema';
import { buildAlert } from '../alert/build-alert.js';
import { firingCount, satisfies } from '../alert/count-condition.js';
import type { GroupValue, TemporalRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type Match,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
  scanEvery,
} from '../model/match.js';
import { groupKey } from '../state/group-key.js';
import { KeyedState } from '../state/keyed-state.js';
import { toRxOperator } from './to-rx-operator.js';

/** Per referenced rule (unordered), or per step of the sequence (ordered): time and evidence. */
interface Step {
  /** Unordered: time of the rule's latest match. Ordered: start time of the best chain up to here. */
  readonly start: number;
  readonly evidence: readonly string[];
  readonly datasets: readonly string[];
}

interface TemporalGroup {
  last: number;
  steps: (Step | undefined)[];
}

/**
 * `temporal`: every referenced rule (or `condition` many of them) matched within `timespanMs` for
 * the same group, in any order. `temporal_ordered`: they matched in the listed order (equal times
 * count as in order). Per group it keeps, for each step, the chain that can still complete with
 * the latest start, so a later, fresher chain replaces a stale one. Fires when the chain's first
 * match is within (t - span, t], then clears the group. References to correlation rules see their
 * alerts as matches, which is how "success after a run of failures" chains.
 */
export function createTemporal(
  rule: TemporalRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const condition = rule.condition ?? { gte: rule.rules.length };
  const need = firingCount(condition);
  if (need === undefined) throw new RangeError(`rule ${rule.meta.id}: condition can never hold`);
  const ordered = rule.type === 'temporal_ordered';
  const span = rule.timespanMs;
  const indexOf = new Map(rule.rules.map((id, i) => [id, i] as const));
  const keys = new KeyedState<TemporalGroup>({
    maxKeys: options.maxKeys,
    lastTime: (g) => g.last,
    scanEveryMs: scanEvery(span, options),
  });

  const fire = (
    match: Match,
    values: readonly GroupValue[],
    steps: readonly Step[],
    start: number,
    count: number,
  ) => {
    const parts = {
      ts: match.ts,
      groupNames: rule.groupBy.names,
      groupValues: values,
      windowStart: start,
      windowEnd: match.ts,
      count,
      evidence: steps.flatMap((s) => s.evidence),
      datasets: steps.flatMap((s) => s.datasets),
      event: match.event,
    };
    return buildAlert(rule, parts, options.maxEvidence);
  };

  return {
    rule,
    hasTimers: false,
    onMatch(match, emit) {
      const i = indexOf.get(match.ruleId);
      if (i === undefined) return;
      const values = rule.groupBy.valuesOf(match.ruleId, match.event);
      const key = groupKey(values);
      let group = keys.get(key);
      const cutoff = match.ts - span;
      if (ordered && i > 0) {
        // A later step only extends a live chain: no chain, no state (most matches stop here).
        const previous = group?.steps[i - 1];
        if (group === undefined || previous === undefined || previous.start <= cutoff) return;
        group.last = match.ts;
        const step: Step = {
          start: previous.start,
          evidence: previous.evidence.concat(match.evidence),
          datasets: previous.datasets.concat(match.datasets),
        };
        group.steps[i] = step;
        if (i + 1 < need || !satisfies(condition, i + 1)) return;
        keys.delete(key);
        emit(fire(match, values, [step], step.start, i + 1), match);
        return;
      }
      if (group === undefined) {
        group = { last: match.ts, steps: [] };
        keys.set(key, group);
      } else group.last = match.ts;
      const step: Step = { start: match.ts, evidence: match.evidence, datasets: match.datasets };
      group.steps[i] = step;
      if (ordered) {
        if (need > 1 || !satisfies(condition, 1)) return;
        keys.delete(key);
        emit(fire(match, values, [step], match.ts, 1), match);
        return;
      }
      let live = 0;
      for (const s of group.steps) if (s !== undefined && s.start > cutoff) live++;
      if (live < need || !satisfies(condition, live)) return;
      const steps = group.steps
        .filter((s): s is Step => s !== undefined && s.start > cutoff)
        .sort((a, b) => a.start - b.start);
      keys.delete(key);
      emit(fire(match, values, steps, steps[0]?.start ?? match.ts, live), match);
    },
    advance(ts) {
      keys.expire(ts - span, ts);
    },
    keyStats: () => keys.stats,
    snapshot: (filter) => ({
      type: rule.type,
      keys: [...keys.map].filter(([key]) => filter?.(key) ?? true),
    }),
    restore(snapshot) {
      for (const [key, group] of snapshot.keys) {
        const g = group as { last: number; steps: (Step | null)[] };
        // JSON turns holes into null.
        keys.set(key, { last: g.last, steps: g.steps.map((s) => s ?? undefined) });
      }
    },
  };
}

/** `temporal` / `temporal_ordered` as an RxJS operator over matches of the referenced rules. */
export function temporal(
  rule: TemporalRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createTemporal(rule, resolved), options);
}
