/**
 * End to end on one core: a generated mixed log (sshd, sudo, PAM, ufw, nginx, CloudTrail with attack
 * scenarios) → parse → the starter rule pack on event time → alerts.
 * `node --expose-gc --import tsx packages/cli/src/replay/replay.bench.ts [lines]` (default 1M).
 * Baselines in the same run: reading the lines only, and parsing without rules.
 */
import os from 'node:os';
import { generateMixedLog } from '@vigil/loggen';
import { createLineParser } from '@vigil/parsers';
import { createEngine } from '@vigil/rule-engine';
import { loadRulePack } from '@vigil/sigma';

const N = Number(process.argv[2] ?? 1_000_000);
const lines = [...generateMixedLog({ seed: 42, lines: N, attackShare: 0.02 })].map((g) => g.line);
const pack = await loadRulePack([], process.cwd());

function time(
  label: string,
  run: () => number,
): { label: string; seconds: number; linesPerSecond: number; result: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const result = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, seconds: Number(seconds.toFixed(3)), linesPerSecond: Math.round(N / seconds), result };
}

const baseline = time('read lines (baseline)', () => {
  let bytes = 0;
  for (const line of lines) bytes += line.length;
  return bytes;
});
const parseOnly = time('parse only', () => {
  const parser = createLineParser({ year: 2026 });
  let events = 0;
  for (const line of lines) {
    const outcome = parser.parse(line);
    if (outcome.ok) events += outcome.events.length;
  }
  return events;
});
const endToEnd = time('parse → starter pack → alerts', () => {
  const parser = createLineParser({ year: 2026 });
  const engine = createEngine(pack.result.ruleSet);
  let alerts = 0;
  for (const line of lines) {
    const outcome = parser.parse(line);
    if (!outcome.ok) continue;
    for (const event of outcome.events)
      for (const out of engine.push(event)) if (out.kind === 'alert') alerts++;
  }
  for (const out of engine.flush()) if (out.kind === 'alert') alerts++;
  return alerts;
});

process.stdout.write(
  `${JSON.stringify({
    bench: 'replay-end-to-end',
    date: new Date().toISOString(),
    machine: `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}, node ${process.version}`,
    lines: N,
    rules: pack.result.ruleSet.rules.length,
    goalLinesPerSecond: 200_000,
    runs: [baseline, parseOnly, endToEnd],
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
  })}\n`,
);
