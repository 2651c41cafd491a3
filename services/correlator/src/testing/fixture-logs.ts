/**
 * Log fixtures for the correlator's tests and benchmark: the CLI's demo logs and generated mixed
 * logs, as lines in event-time order (what a shipper tailing the files in real time would send).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateMixedLog } from '@vigil/loggen';
import { createLineParser } from '@vigil/parsers';
import type { VigilEvent } from '@vigil/schema';

/** The repository root: the nearest folder up that has `turbo.json`. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

export interface TimedLine {
  readonly ts: number;
  readonly line: string;
}

/** Parses lines with one stream parser (as the ingestor does for one raw partition). */
export function parseLines(lines: readonly string[]): VigilEvent[] {
  const parser = createLineParser({});
  const events: VigilEvent[] = [];
  for (const line of lines) {
    const outcome = parser.parse(line);
    if (outcome.ok) events.push(...outcome.events);
  }
  return events;
}

/** Lines of several files merged by event time (stable: ties keep file order), unparsable ones dropped. */
export function mergeByEventTime(files: readonly (readonly string[])[]): TimedLine[] {
  const timed: (TimedLine & { readonly file: number; readonly index: number })[] = [];
  files.forEach((lines, file) => {
    const parser = createLineParser({});
    lines.forEach((line, index) => {
      const outcome = parser.parse(line);
      const first = outcome.ok ? outcome.events[0] : undefined;
      if (first !== undefined) timed.push({ ts: Date.parse(first['@timestamp']), line, file, index });
    });
  });
  timed.sort((a, b) => a.ts - b.ts || a.file - b.file || a.index - b.index);
  return timed.map(({ ts, line }) => ({ ts, line }));
}

/** `packages/cli/demo`: a morning of auth, web and firewall logs with attacks (10 alerts in replay). */
export function demoLog(): TimedLine[] {
  const dir = join(REPO_ROOT, 'packages/cli/demo');
  const read = (name: string): string[] =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0);
  return mergeByEventTime([read('auth.log'), read('network.log'), read('cloudtrail.jsonl')]);
}

/** A generated mix of host and network lines with attack scenarios, in event-time order. */
export function mixedLog(
  lines: number,
  options: { seed?: number; gapMs?: number; attackShare?: number } = {},
): TimedLine[] {
  return [
    ...generateMixedLog({
      lines,
      seed: options.seed ?? 7,
      gapMs: options.gapMs ?? 400,
      attackShare: options.attackShare ?? 0.3,
    }),
  ].map(({ ms, line }) => ({ ts: ms, line }));
}
