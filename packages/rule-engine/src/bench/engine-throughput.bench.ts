import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { VigilEvent } from '@vigil/schema';
import { createEngine } from '../engine/create-engine.js';
import { benchRules, generateEvents } from './bench-rules.js';

/**
 * Engine throughput: ~20 rules of every type over generated events on one core. Events are made
 * in chunks outside the timed section, so the number is the engine alone.
 * Run: node --import tsx packages/rule-engine/src/bench/engine-throughput.bench.ts [events]
 */
const total = Number(process.argv[2] ?? 1_000_000);
const chunk = 10_000;
const rules = benchRules();
const engine = createEngine({ rules }, { allowedLatenessMs: 5_000 });
let alerts = 0;
let late = 0;
let elapsed = 0;
let cpuMicros = 0;
const source = generateEvents(total);
for (let done = 0; done < total; done += chunk) {
  const batch: VigilEvent[] = [];
  for (let i = 0; i < chunk && done + i < total; i++) {
    const next = source.next();
    if (next.done === true) break;
    batch.push(next.value);
  }
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const output of engine.pushMany(batch)) {
    if (output.kind === 'alert') alerts++;
    else if (output.kind === 'late') late++;
  }
  const used = process.cpuUsage(cpu);
  cpuMicros += used.user + used.system;
  elapsed += performance.now() - start;
}
const start = performance.now();
for (const output of engine.flush()) if (output.kind === 'alert') alerts++;
elapsed += performance.now() - start;

const stats = engine.stats();
const result = {
  bench: 'rule-engine throughput',
  date: new Date().toISOString().slice(0, 10),
  cpus: os.cpus().length,
  node: process.version,
  rules: rules.length,
  events: total,
  seconds: Number((elapsed / 1000).toFixed(3)),
  eventsPerSecond: Math.round(total / (elapsed / 1000)),
  // CPU time of this process while in the engine: less distorted by other load on a shared machine.
  eventsPerCpuSecond: Math.round(total / (cpuMicros / 1e6)),
  loadAverage: os.loadavg()[0]?.toFixed(1),
  alerts,
  late,
  keys: stats.operators.reduce((sum, o) => sum + o.keys, 0),
  heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
};
console.log(JSON.stringify(result));
