import type { Alert } from '@vigil/schema';
import type { CompiledRule, Suppression } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  scanEvery,
  type AlertSink,
  type Match,
  type OperatorOptions,
  type OperatorSnapshot,
  type RuleOperator,
} from '../model/match.js';
import { groupKey } from '../state/group-key.js';
import { KeyedState } from '../state/keyed-state.js';

/** Suppression counters, read by the engine's stats. */
export interface SuppressedOperator extends RuleOperator {
  readonly suppressedCount: () => number;
}

/** A rule's `suppress`, if it has one (typed loosely: rules may come from plain JS). */
export function suppressionOf(rule: CompiledRule): Suppression | undefined {
  return (rule as { readonly suppress?: Suppression | undefined }).suppress;
}

/**
 * Wraps an operator with its rule's `suppress`: at most one alert per suppression group per
 * `windowMs` of event time (the window starts at the alert that got through). Suppressed alerts are
 * neither emitted nor fed to chained correlations.
 */
export function suppressed(
  inner: RuleOperator,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): SuppressedOperator {
  const suppress = suppressionOf(inner.rule);
  if (suppress === undefined) throw new TypeError(`rule ${inner.rule.meta.id} has no suppress`);
  const last = new KeyedState<number>({
    maxKeys: options.maxKeys,
    lastTime: (ts) => ts,
    scanEveryMs: scanEvery(suppress.windowMs, options),
  });
  let count = 0;
  const blocked = (trigger: Match): string | undefined => {
    const key = groupKey(suppress.groupBy.valuesOf(trigger.ruleId, trigger.event));
    const since = last.get(key);
    if (since !== undefined && trigger.ts < since + suppress.windowMs) {
      count++;
      return undefined;
    }
    return key;
  };
  // One gated sink per downstream sink (the engine always passes the same one): no closure per match.
  let gatedFor: AlertSink | undefined;
  let gated: AlertSink = () => undefined;
  const gate = (emit: AlertSink): AlertSink => {
    if (emit !== gatedFor) {
      gatedFor = emit;
      gated = (alert: Alert, trigger: Match) => {
        const key = blocked(trigger);
        if (key === undefined) return;
        last.set(key, trigger.ts);
        emit(alert, trigger);
      };
    }
    return gated;
  };
  // A signature fires on every match: check first rather than build an alert to drop it.
  const precheck = inner.rule.type === 'signature';
  return {
    rule: inner.rule,
    hasTimers: inner.hasTimers,
    suppressedCount: () => count,
    onMatch(match, emit) {
      if (precheck && blocked(match) === undefined) return;
      inner.onMatch(match, gate(emit));
    },
    advance(ts, emit) {
      last.expire(ts - suppress.windowMs, ts);
      inner.advance(ts, gate(emit));
    },
    keyStats: () => inner.keyStats(),
    snapshot(filter): OperatorSnapshot {
      const own = [...last.map].filter(([key]) => filter?.(key) ?? true);
      return { ...inner.snapshot(filter), suppress: own } as OperatorSnapshot;
    },
    restore(snapshot) {
      inner.restore(snapshot);
      const own = (snapshot as { suppress?: [string, number][] }).suppress ?? [];
      for (const [key, ts] of own) last.set(key, ts);
    },
  };
}
