import type { VigilEvent } from '@vigil/schema';
import type { CompiledRule, EventPredicate, MatchKey } from '../model/compiled-rule.js';
import type { OperatorStats } from '../model/engine-output.js';
import type { AlertSink, Match, RuleOperator } from '../model/match.js';
import type { RulePlan } from './rule-plan.js';

/** A `Match` the engine refills for each event it hands to a slot. */
export type SlotInput = { -readonly [K in keyof Match]: Match[K] };

/** One installed rule: its operator, counters, alert sink and the correlations it feeds. */
export interface Slot {
  readonly rule: CompiledRule;
  readonly op: RuleOperator;
  dependents: Slot[];
  readonly stats: OperatorStats;
  readonly sink: AlertSink;
  /** Made at the slot's first own match, then reused (operators never keep a match). */
  input?: SlotInput;
}

/** A rule that tests events directly. */
export interface EventSlot extends Slot {
  readonly match: EventPredicate;
}

/** The event rules of one dataset, and the lists of them an event can match, made once each. */
export interface Route {
  /** In plan order. */
  readonly slots: readonly EventSlot[];
  /**
   * The slots whose bits are set in `mask` (bit i = `slots[i]`, for i < MASK_BITS), in plan order.
   * The same array for the same mask: most events match one of a handful of rule combinations,
   * so an event needs no array of its own. Callers must not change it.
   */
  readonly matchedFor: (mask: number) => readonly EventSlot[];
  /**
   * The slots that can match this event, as a mask: those without a `matchKey`, and those whose
   * key values include one of the event's keys (each `keysOf` read once). All slots past MASK_BITS.
   */
  readonly candidates: (event: VigilEvent) => number;
}

/** Slots a `Route` mask can address (bits of a small integer). */
export const MASK_BITS = 30;

export interface Routing {
  /** In plan order: event rules first, then correlations in topological order. */
  readonly slots: readonly Slot[];
  /** Slots whose operators fire on time alone (absence): advanced before every event. */
  readonly timerSlots: readonly Slot[];
  /** The event rules that can match an event of this dataset. */
  readonly route: (dataset: string) => Route;
}

interface KeyIndex {
  readonly keysOf: MatchKey['keysOf'];
  /** Key value -> mask of the slots that name it. */
  readonly slotsByValue: Map<string, number>;
}

const ALL = -1;

function keyIndex(slots: readonly EventSlot[]): { always: number; keys: readonly KeyIndex[] } {
  if (slots.length > MASK_BITS) return { always: ALL, keys: [] };
  let always = 0;
  const byFunction = new Map<MatchKey['keysOf'], KeyIndex>();
  slots.forEach((slot, i) => {
    const key = 'matchKey' in slot.rule ? slot.rule.matchKey : undefined;
    if (key === undefined) {
      always |= 1 << i;
      return;
    }
    let index = byFunction.get(key.keysOf);
    if (index === undefined) {
      index = { keysOf: key.keysOf, slotsByValue: new Map() };
      byFunction.set(key.keysOf, index);
    }
    for (const value of key.values)
      index.slotsByValue.set(value, (index.slotsByValue.get(value) ?? 0) | (1 << i));
  });
  return { always, keys: [...byFunction.values()] };
}

function makeRoute(slots: readonly EventSlot[]): Route {
  const lists = new Map<number, readonly EventSlot[]>();
  const { always, keys } = keyIndex(slots);
  return {
    slots,
    candidates(event) {
      let mask = always;
      for (const index of keys) {
        const found = index.keysOf(event);
        if (typeof found === 'string') mask |= index.slotsByValue.get(found) ?? 0;
        else if (found !== undefined) for (const key of found) mask |= index.slotsByValue.get(key) ?? 0;
      }
      return mask;
    },
    matchedFor(mask) {
      let list = lists.get(mask);
      if (list === undefined) {
        list = slots.filter((_, i) => i < MASK_BITS && (mask & (1 << i)) !== 0);
        // At most 2^slots combinations; past a bound, allocate rather than grow.
        if (lists.size < 4_096) lists.set(mask, list);
      }
      return list;
    },
  };
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
  const cache = new Map<string, Route>();
  const route = (dataset: string): Route => {
    let found = cache.get(dataset);
    if (found === undefined) {
      found = makeRoute(
        eventSlots.filter((s) => {
          const datasets = 'datasets' in s.rule ? s.rule.datasets : [];
          return datasets.length === 0 || datasets.includes(dataset);
        }),
      );
      // Datasets come from input: do not let a flood of made-up ones grow the cache without bound.
      if (cache.size < 10_000) cache.set(dataset, found);
    }
    return found;
  };
  return { slots, timerSlots: slots.filter((s) => s.op.hasTimers), route };
}
