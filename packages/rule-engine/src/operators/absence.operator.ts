import type { OperatorFunction } from 'rxjs';
import type { Alert, VigilEvent } from '@vigil/schema';
import { buildAlert } from '../alert/build-alert.js';
import type { AbsenceRule } from '../model/compiled-rule.js';
import {
  DEFAULT_OPERATOR_OPTIONS,
  type AlertSink,
  type OperatorInput,
  type OperatorOptions,
  type RuleOperator,
  scanEvery,
} from '../model/match.js';
import { decodeGroupKey, groupKey } from '../state/group-key.js';
import { KeyedState } from '../state/keyed-state.js';
import { MinHeap } from '../state/min-heap.js';
import { toRxOperator } from './to-rx-operator.js';

interface LastSeen {
  ts: number;
  event: VigilEvent;
}

interface Timer {
  readonly deadline: number;
  readonly key: string;
}

/**
 * `absence` (Vigil extension): a group that sent matching events and then none for `timespanMs` of
 * event time. Silence is only proven by event time moving on — other groups' and sources' events,
 * the idle timeout, `advanceTo`, or the end of a replay — so the alert comes when event time passes
 * `last + timespanMs` (strictly: an event exactly at the deadline still counts as speaking). Fires
 * once per silence; the group re-arms when it speaks again. Each armed group has one timer in a
 * min-heap; a timer that finds the group spoke since is pushed again to the new deadline.
 */
export function createAbsence(
  rule: AbsenceRule,
  options: OperatorOptions = DEFAULT_OPERATOR_OPTIONS,
): RuleOperator {
  const span = rule.timespanMs;
  // Keys leave by firing, not by expiry: the scan interval only matters for the cap's accounting.
  const keys = new KeyedState<LastSeen>({
    maxKeys: options.maxKeys,
    lastTime: (s) => s.ts,
    scanEveryMs: scanEvery(span, options),
  });
  const timers = new MinHeap<Timer>((a, b) => a.deadline < b.deadline);

  const fire = (key: string, seen: LastSeen, deadline: number, emit: AlertSink): void => {
    const values = decodeGroupKey(key);
    const parts = {
      ts: deadline,
      groupNames: rule.groupBy.names,
      groupValues: values,
      windowStart: seen.ts,
      windowEnd: deadline,
      count: 0,
      evidence: [seen.event.event.id],
      datasets: [seen.event.event.dataset],
      event: seen.event,
    };
    const trigger = {
      kind: 'match' as const,
      ruleId: rule.meta.id,
      ts: deadline,
      event: seen.event,
      evidence: parts.evidence,
      datasets: parts.datasets,
    };
    emit(buildAlert(rule, parts, options.maxEvidence), trigger);
  };

  return {
    rule,
    hasTimers: true,
    onMatch(match) {
      const key = groupKey(rule.groupBy.valuesOf(rule.meta.id, match.event));
      const seen = keys.get(key);
      if (seen !== undefined) {
        seen.ts = match.ts;
        seen.event = match.event;
        return;
      }
      keys.set(key, { ts: match.ts, event: match.event });
      timers.push({ deadline: match.ts + span, key });
    },
    advance(ts, emit) {
      for (let timer = timers.peek(); timer !== undefined && timer.deadline < ts; timer = timers.peek()) {
        timers.pop();
        const seen = keys.get(timer.key);
        if (seen === undefined) continue;
        const deadline = seen.ts + span;
        if (deadline > timer.deadline) {
          timers.push({ deadline, key: timer.key });
          continue;
        }
        keys.delete(timer.key);
        fire(timer.key, seen, deadline, emit);
      }
    },
    keyStats: () => keys.stats,
    snapshot: (filter) => ({ type: rule.type, keys: [...keys.map].filter(([key]) => filter?.(key) ?? true) }),
    restore(snapshot) {
      for (const [key, value] of snapshot.keys) {
        const seen = value as LastSeen;
        keys.set(key, { ts: seen.ts, event: seen.event });
        timers.push({ deadline: seen.ts + span, key });
      }
    },
  };
}

/** `absence` as an RxJS operator over this rule's matches and ticks of event time. */
export function absence(
  rule: AbsenceRule,
  options?: Partial<OperatorOptions>,
): OperatorFunction<OperatorInput, Alert> {
  return toRxOperator((resolved) => createAbsence(rule, resolved), options);
}
