import { createLogger } from '@vigil/core';
import { groupingConfigSchema } from '@vigil/incidents';
import { Writable } from 'node:stream';
import { NotifierEngine } from '../engine/notifier-engine.js';
import type { NotifierDeps, RoutingRuntime } from '../engine/notifier-deps.js';
import { createNotifierMetrics } from '../engine/notifier-metrics.js';
import { buildRoutingRuntime } from '../engine/routing-runtime.js';
import { MemoryIncidentStore, MemoryPublisher } from '../memory/memory-incident-store.js';
import { MemoryNotifierState } from '../memory/memory-notifier-state.js';
import type { NotificationLogEntry } from '@vigil/channels';
import type { IncidentPublisher, IncidentStore } from '../ports/incident-store.js';
import type { NotifierState } from '../ports/notifier-state.js';

export interface Harness {
  engine: NotifierEngine;
  /** The in-memory stores (unused when other ones were passed in). */
  readonly store: MemoryIncidentStore;
  readonly state: MemoryNotifierState;
  readonly publisher: MemoryPublisher;
  readonly log: NotificationLogEntry[];
  readonly deps: NotifierDeps;
  clock: number;
  /** Moves the clock and runs a tick. */
  advance(ms: number): Promise<void>;
  /** A new engine over the same state and store: what a restart looks like. */
  restart(): NotifierEngine;
}

/** An engine on in-memory ports with a hand-driven clock, for tests and benchmarks. */
export function engineHarness(
  routingYaml: string,
  env: Record<string, string>,
  start = Date.parse('2026-03-02T10:00:00Z'),
  options: { publisher?: IncidentPublisher; store?: IncidentStore; state?: NotifierState } = {},
): Harness {
  const built = buildRoutingRuntime(routingYaml, { file: 'test-routing.yml', env });
  if (!built.ok) throw new Error(built.message);
  const runtime: RoutingRuntime = built.runtime;
  const store = new MemoryIncidentStore();
  const state = new MemoryNotifierState();
  const publisher = new MemoryPublisher();
  const published: IncidentPublisher = options.publisher ?? publisher;
  const log: NotificationLogEntry[] = [];
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const clock = { ms: start };
  const deps: NotifierDeps = {
    store: options.store ?? store,
    publisher: published,
    state: options.state ?? state,
    logSink: {
      write: (entries) => {
        log.push(...entries);
        return Promise.resolve();
      },
    },
    routing: () => runtime,
    grouping: groupingConfigSchema.parse({ windowMs: 3_600_000 }),
    now: () => new Date(clock.ms),
    log: createLogger({ name: 'notifier-test', destination: quiet }),
    metrics: createNotifierMetrics(),
    consoleUrl: 'https://vigil.example.org',
    outboxMaxAgeMs: 86_400_000,
  };
  const harness: Harness = {
    engine: new NotifierEngine(deps),
    store,
    state,
    publisher,
    log,
    deps,
    get clock() {
      return clock.ms;
    },
    set clock(ms: number) {
      clock.ms = ms;
    },
    async advance(ms: number) {
      clock.ms += ms;
      await harness.engine.tick();
    },
    restart() {
      harness.engine = new NotifierEngine(deps);
      return harness.engine;
    },
  };
  return harness;
}
