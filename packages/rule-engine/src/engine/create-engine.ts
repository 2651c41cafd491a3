import type { Observable } from 'rxjs';
import type { Alert, VigilEvent } from '@vigil/schema';
import { iso } from '../alert/build-alert.js';
import type { EventScope, RuleSet } from '../model/compiled-rule.js';
import type { EngineOutput, EngineStats, OperatorStats } from '../model/engine-output.js';
import type { AlertSink, Match, RuleOperator } from '../model/match.js';
import { ReorderBuffer } from '../time/reorder-buffer.js';
import { WatermarkTracker } from '../time/watermark-tracker.js';
import { createOperator } from './create-operator.js';
import { resolveOptions, type EngineOptions } from './engine-options.js';
import { SNAPSHOT_FORMAT, type EngineSnapshot, type SnapshotOptions } from './engine-snapshot.js';
import { processEvents, type ProcessOptions } from './process-events.js';
import { readEvent } from './read-event.js';
import { buildPlan, type RuleProblem } from './rule-plan.js';
import { buildRouting, MASK_BITS, type EventSlot, type Routing, type Slot } from './routing.js';

export interface Engine {
  /** Takes one event (anything: bad input comes back as an `invalid` output) and returns what it caused. */
  push(event: unknown): EngineOutput[];
  pushMany(events: Iterable<unknown>): EngineOutput[];
  /** Moves the watermark to `ms` of event time (e.g. from a wall-clock heartbeat when all sources are quiet). */
  advanceTo(ms: number): EngineOutput[];
  /** End of input: releases every buffered event and fires timers due by the newest event time. */
  flush(): EngineOutput[];
  snapshot(options?: SnapshotOptions): EngineSnapshot;
  /** Swaps the rule set; rules whose id, version and type are unchanged keep their state. */
  reload(ruleSet: RuleSet): readonly RuleProblem[];
  stats(): EngineStats;
  /** Rules of the current set that were refused. */
  readonly problems: readonly RuleProblem[];
  /** The RxJS face: events (or arrays of events, as batches) in, outputs out; flushes on completion. */
  process(events$: Observable<unknown>, options?: ProcessOptions): Observable<EngineOutput>;
}

/** An accepted event waiting for the watermark, with the event rules it matched (tested on arrival). */
interface Pending {
  readonly ts: number;
  readonly id: string;
  readonly event: VigilEvent;
  /** `[event.event.dataset]`, one shared array per dataset. */
  readonly datasets: readonly string[];
  matched: readonly EventSlot[];
}

const NO_MATCH: readonly EventSlot[] = [];

/**
 * The synchronous core. Events that match some event rule wait in a buffer sorted by (event time,
 * event id) until the watermark passes them, then go to the rules in exactly that order, so the
 * alerts (and their ids) do not depend on arrival order within the allowed lateness, nor on batch
 * sizes or timing. Every event, matching or not, moves its source's watermark.
 */
export function createEngine(ruleSet: RuleSet, engineOptions: EngineOptions = {}): Engine {
  const options = resolveOptions(engineOptions);
  const tracker = new WatermarkTracker(options);
  const buffer = new ReorderBuffer<Pending>();
  const counters = { events: 0, late: 0, invalid: 0, ruleErrors: 0, alerts: 0, bufferOverflows: 0 };
  let out: EngineOutput[] = [];
  let nextSweep = Number.NEGATIVE_INFINITY;
  let routing: Routing;
  let scope: EventScope | undefined;
  let problems: readonly RuleProblem[] = [];

  const ruleError = (ruleId: string, error: unknown, eventId?: string): void => {
    counters.ruleErrors++;
    const message = error instanceof Error ? error.message : String(error);
    out.push({ kind: 'rule_error', ruleId, message, ...(eventId === undefined ? {} : { eventId }) });
  };

  const deliver = (slot: Slot, match: Match): void => {
    slot.stats.matches++;
    try {
      slot.op.onMatch(match, slot.sink);
    } catch (error) {
      ruleError(slot.rule.meta.id, error, match.event.event.id);
    }
  };

  const onAlert = (slot: Slot, alert: Alert, trigger: Match): void => {
    slot.stats.alerts++;
    counters.alerts++;
    if (slot.rule.generate) out.push({ kind: 'alert', alert });
    // Signature rules feed their correlations every matching event (see processEvent), not alerts.
    if (slot.rule.type === 'signature') return;
    const match: Match = {
      kind: 'match',
      ruleId: slot.rule.meta.id,
      ts: trigger.ts,
      event: trigger.event,
      evidence: alert.evidence.event_ids,
      datasets: alert.datasets,
    };
    for (const dependent of slot.dependents) deliver(dependent, match);
  };

  const makeSlot = (rule: Slot['rule'], op: RuleOperator, stats?: OperatorStats): Slot => {
    const slot: Slot = {
      rule,
      op,
      dependents: [],
      stats: stats ?? {
        ruleId: rule.meta.id,
        type: rule.type,
        keys: 0,
        evicted: 0,
        evictedForCap: 0,
        matches: 0,
        alerts: 0,
        suppressed: 0,
      },
      sink: ((alert, trigger) => onAlert(slot, alert, trigger)) satisfies AlertSink,
    };
    return slot;
  };

  const install = (set: RuleSet, previous: readonly Slot[]): void => {
    const plan = buildPlan(set);
    const old = new Map(previous.map((slot) => [slot.rule.meta.id, slot] as const));
    const slots = plan.rules.map((rule) => {
      const kept = old.get(rule.meta.id);
      if (
        kept !== undefined &&
        kept.rule.meta.version === rule.meta.version &&
        kept.rule.type === rule.type
      ) {
        return makeSlot(rule, kept.op, kept.stats);
      }
      return makeSlot(rule, createOperator(rule, options));
    });
    routing = buildRouting(plan, slots);
    scope = set.scope;
    problems = plan.problems;
  };

  const advanceOperators = (ts: number, all: boolean): void => {
    for (const slot of all ? routing.slots : routing.timerSlots) {
      try {
        slot.op.advance(ts, slot.sink);
      } catch (error) {
        ruleError(slot.rule.meta.id, error);
      }
    }
  };

  /**
   * Runs the event rules routed to the event's dataset. Predicates are pure, so testing them on
   * arrival gives the same answers as on release; events that match nothing are never buffered.
   */
  const matchEvent = (event: VigilEvent, id: string): readonly EventSlot[] => {
    const route = routing.route(event.event.dataset);
    const slots = route.slots;
    const n = slots.length;
    if (n === 0) return NO_MATCH;
    // Matches as bits, turned into the route's shared list for that combination: no array per event.
    let mask = 0;
    let matched: EventSlot[] | undefined;
    const current = scope;
    current?.enter();
    try {
      // Rules whose match key the event lacks cannot match it: they are not run at all.
      let candidates: number;
      try {
        candidates = route.candidates(event);
      } catch {
        candidates = -1; // A key that cannot be read narrows nothing: every rule runs.
      }
      for (let i = 0; i < n; i++) {
        if (n <= MASK_BITS && (candidates & (1 << i)) === 0) continue;
        const slot = slots[i] as EventSlot;
        try {
          if (!slot.match(event)) continue;
        } catch (error) {
          ruleError(slot.rule.meta.id, error, id);
          continue;
        }
        if (n <= MASK_BITS) mask |= 1 << i;
        else (matched ??= []).push(slot);
      }
    } finally {
      current?.exit();
    }
    if (n > MASK_BITS) return matched ?? NO_MATCH;
    return mask === 0 ? NO_MATCH : route.matchedFor(mask);
  };

  /** `[dataset]` arrays for matches, one per dataset (they are only read). */
  const datasetLists = new Map<string, readonly string[]>();
  const datasetsOf = (dataset: string): readonly string[] => {
    let list = datasetLists.get(dataset);
    if (list === undefined) {
      list = [dataset];
      // Datasets come from input: bounded like the routing cache.
      if (datasetLists.size < 10_000) datasetLists.set(dataset, list);
    }
    return list;
  };

  const processEvent = (p: Pending): void => {
    if (p.ts >= nextSweep) {
      advanceOperators(p.ts, true);
      nextSweep = p.ts + options.sweepIntervalMs;
    } else if (routing.timerSlots.length > 0) advanceOperators(p.ts, false);
    const event = p.event;
    const evidence = [p.id];
    const datasets = p.datasets;
    for (const slot of p.matched) {
      // Operators use a match only while they handle it (none keeps it), so each slot's one
      // Match is refilled rather than a new one made per event.
      let own = slot.input;
      if (own === undefined) {
        own = { kind: 'match', ruleId: slot.rule.meta.id, ts: p.ts, event, evidence, datasets };
        slot.input = own;
      } else {
        own.ts = p.ts;
        own.event = event;
        own.evidence = evidence;
        own.datasets = datasets;
      }
      if (slot.rule.type !== 'signature' || slot.rule.generate) deliver(slot, own);
      else slot.stats.matches++;
      if (slot.rule.type === 'signature') for (const dependent of slot.dependents) deliver(dependent, own);
    }
  };

  const release = (watermark: number): void => {
    for (let top = buffer.peek(); top !== undefined && top.ts < watermark; top = buffer.peek()) {
      buffer.shift();
      processEvent(top);
    }
    if (!Number.isFinite(watermark)) return;
    // Expiry also follows the watermark, so keys go even while no event matches anything.
    if (watermark >= nextSweep) {
      advanceOperators(watermark, true);
      nextSweep = watermark + options.sweepIntervalMs;
    } else if (routing.timerSlots.length > 0) advanceOperators(watermark, false);
  };

  const take = (): EngineOutput[] => {
    const taken = out;
    out = [];
    return taken;
  };

  const stats = (): EngineStats => ({
    watermark: Number.isFinite(tracker.watermark) ? tracker.watermark : null,
    sources: tracker.activeSources,
    buffered: buffer.size,
    ...counters,
    operators: routing.slots.map((slot) => {
      Object.assign(slot.stats, slot.op.keyStats());
      if ('suppressedCount' in slot.op)
        slot.stats.suppressed = (slot.op as { suppressedCount: () => number }).suppressedCount();
      return { ...slot.stats };
    }),
  });

  const pushOne = (raw: unknown): void => {
    const ts = readEvent(raw);
    if (typeof ts === 'string') {
      counters.invalid++;
      out.push({ kind: 'invalid', reason: ts, event: raw });
      return;
    }
    const event = raw as VigilEvent;
    counters.events++;
    const watermark = tracker.watermark;
    if (ts < watermark) {
      counters.late++;
      out.push({ kind: 'late', event, lateness_ms: watermark - ts, watermark: iso(watermark) });
    } else {
      const id = event.event.id;
      const matched = matchEvent(event, id);
      if (matched.length > 0)
        buffer.push({ ts, event, id, datasets: datasetsOf(event.event.dataset), matched });
      tracker.observe(options.sourceOf(event), ts);
      while (buffer.size > options.maxBuffered) {
        counters.bufferOverflows++;
        tracker.advanceTo((buffer.peek()?.ts ?? 0) + 1);
        release(tracker.watermark);
      }
      release(tracker.watermark);
    }
    if (options.statsEvery > 0 && counters.events % options.statsEvery === 0)
      out.push({ kind: 'stats', stats: stats() });
  };

  install(ruleSet, []);
  if (engineOptions.restore !== undefined) restoreInto(engineOptions.restore);

  function restoreInto(snapshot: EngineSnapshot): void {
    tracker.restore(snapshot.watermark);
    for (const raw of snapshot.buffer) {
      const ts = readEvent(raw);
      if (typeof ts === 'string') continue;
      const event = raw;
      const id = event.event.id;
      const datasets = datasetsOf(event.event.dataset);
      buffer.push({ ts, event, id, datasets, matched: matchEvent(event, id) });
    }
    const slots = new Map(routing.slots.map((slot) => [slot.rule.meta.id, slot] as const));
    for (const saved of snapshot.operators) {
      const slot = slots.get(saved.id);
      if (slot?.rule.meta.version === saved.version && saved.state.type === slot.rule.type)
        slot.op.restore(saved.state);
    }
  }

  const engine: Engine = {
    push(event) {
      pushOne(event);
      return take();
    },
    pushMany(events) {
      for (const event of events) pushOne(event);
      return take();
    },
    advanceTo(ms) {
      release(tracker.advanceTo(ms));
      return take();
    },
    flush() {
      if (Number.isFinite(tracker.maxSeen)) release(tracker.advanceTo(tracker.maxSeen + 1));
      if (options.statsEvery > 0) out.push({ kind: 'stats', stats: stats() });
      return take();
    },
    snapshot(snapshotOptions = {}) {
      const filter = snapshotOptions.filter;
      return {
        format: SNAPSHOT_FORMAT,
        watermark: tracker.snapshot(),
        buffer: buffer.toArray().map((p) => p.event),
        operators: routing.slots.map((slot) => ({
          id: slot.rule.meta.id,
          version: slot.rule.meta.version,
          state: slot.op.snapshot(filter === undefined ? undefined : (key) => filter(slot.rule.meta.id, key)),
        })),
      };
    },
    reload(set) {
      install(set, routing.slots);
      // Buffered events were matched against the old rules: match them again.
      for (const pending of buffer.toArray()) pending.matched = matchEvent(pending.event, pending.id);
      return problems;
    },
    stats,
    get problems() {
      return problems;
    },
    process: (events$, processOptions) => processEvents(engine, events$, processOptions),
  };
  return engine;
}
