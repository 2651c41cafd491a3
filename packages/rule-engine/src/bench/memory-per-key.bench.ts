import os from 'node:os';
import type { VigilEvent } from '@vigil/schema';
import { createEngine } from '../engine/create-engine.js';
import type { CompiledRule } from '../model/compiled-rule.js';
import { detection, eventCountRule, isFailure, valueCountRule } from '../test-support/rules.js';

/**
 * Heap bytes per tracked key: 1M distinct source addresses, each with `perKey` failed logins, in
 * one correlation whose window is long enough that nothing expires. Heap plus array buffers after
 * GC, minus the same before the events, divided by the keys held.
 * Run: node --expose-gc --import tsx packages/rule-engine/src/bench/memory-per-key.bench.ts [keys] [perKey] [type]
 */
const keys = Number(process.argv[2] ?? 1_000_000);
const perKey = Number(process.argv[3] ?? 1);
const type = process.argv[4] ?? 'event_count';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
// Typed-array backing stores live outside the JS heap: count them too.
const heap = (): number => {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

const t0 = Date.parse('2026-03-01T00:00:00.000Z');
const failure = detection('ssh-failure', isFailure);
const correlation: CompiledRule =
  type === 'value_count'
    ? valueCountRule('spray', {
        rules: ['ssh-failure'],
        field: 'user.name',
        timespanMs: 86_400_000,
        condition: { gte: 10 },
      })
    : eventCountRule('brute-force', {
        rules: ['ssh-failure'],
        timespanMs: 86_400_000,
        condition: { gte: 10 },
      });
const engine = createEngine({ rules: [failure, correlation] }, { allowedLatenessMs: 0, maxKeys: 2 * keys });

function makeEvent(i: number, k: number): VigilEvent {
  const ip = `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;
  return {
    '@timestamp': new Date(t0 + i).toISOString(),
    event: {
      id: (i * 2654435761 + 1).toString(16).padStart(16, '0').slice(-16),
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      dataset: 'system.auth',
      original: '',
      outcome: 'failure',
    },
    vigil: { schema_version: 1 },
    host: { hostname: 'web-1' },
    source: { ip },
    user: { name: `user${i % 50}` },
  };
}

const before = heap();
let i = 0;
for (let round = 0; round < perKey; round++) {
  for (let k = 0; k < keys; k++) engine.push(makeEvent(i++, k));
}
// One last event so every event before it is released from the reorder buffer.
engine.push({ ...makeEvent(i, keys + 1), '@timestamp': new Date(t0 + i + 1).toISOString() });
const after = heap();
const held = engine.stats().operators.find((o) => o.ruleId !== 'ssh-failure')?.keys ?? 0;
console.log(
  JSON.stringify({
    bench: 'rule-engine memory per key',
    date: new Date().toISOString().slice(0, 10),
    cpus: os.cpus().length,
    node: process.version,
    type,
    keys: held,
    eventsPerKey: perKey,
    heapDeltaMB: Math.round((after - before) / 1e6),
    bytesPerKey: Math.round((after - before) / held),
  }),
);
