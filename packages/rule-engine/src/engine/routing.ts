import type { CompiledRule, EventPredicate } from '../model/compiled-rule.js';
import type { OperatorStats } from '../model/engine-output.js';
import type { AlertSink, RuleOperator } from '../model/match.js';
import type { RulePlan } from './rule-plan.js';

/** One installed rule: its operator, counters, alert sink and the correlations it feeds. */
export interface Slot {
  readonly rule: CompiledRule;
  readonly op: RuleOperator;
  dependents: Slot[];
  readonly stats: OperatorStats;
  readonly sink: AlertSink;
}

/** A rule that tests events directly. */
export interface EventSlot extends Slot {
  readonly match: EventPredicate;
}

export interface Routing {
  /** In plan order: event rules first, then correlations in topological order. */
  readonly slots: readonly Slot[];
  /** Slots whose operators fire on time alone (absence): advanced before every event. */
  readonly timerSlots: readonly Slot[];
  /** The event rules that can match an event of this dataset, in plan order. */
  readonly route: (dataset: string) => readonly EventSlot[];
}

/**
 * Work done once at setup: wires dependents and indexes event rules by dataset, so each event only
 * runs the predicates that can match it. Per-dataset lists are built the first time a dataset is
 * seen and cached (a dataset that no rule names gets the rules that take every dataset).
 */
export function buildRouting(plan: RulePlan, slots: readonly Slot[]): Routing {
  slots.forEach((slot, i) => {
    slot.dependents = (plan.dependents[i] ?? [])
      .map((d) => slots[d])
      .filter((s): s is Slot => s !== undefined);
  });
  const eventSlots: EventSlot[] = [];
  for (const i of plan.eventRules) {
    const slot = slots[i];
    if (slot !== undefined && 'match' in slot.rule) eventSlots.push({ ...slot, match: slot.rule.match });
  }
  const cache = new Map<string, readonly EventSlot[]>();
  const route = (dataset: string): readonly EventSlot[] => {
    let list = cache.get(dataset);
    if (list === undefined) {
      list = eventSlots.filter((s) => {
        const datasets = 'datasets' in s.rule ? s.rule.datasets : [];
        return datasets.length === 0 || datasets.includes(dataset);
      });
      // Datasets come from input: do not let a flood of made-up ones grow the cache without bound.
      if (cache.size < 10_000) cache.set(dataset, list);
    }
    return list;
  };
  return { slots, timerSlots: slots.filter((s) => s.op.hasTimers), route };
}
