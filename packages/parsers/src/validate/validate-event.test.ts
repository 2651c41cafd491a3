import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventSchema, type VigilEvent } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { fixture } from '../conformance/fixture-path.js';
import { validateEvent } from './validate-event.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function fixtureEvents(): VigilEvent[] {
  const events: VigilEvent[] = [];
  for (const file of walk(fixture()).filter((f) => f.endsWith('.log'))) {
    const parser = createLineParser({ now: Date.parse('2025-01-01T00:00:00Z') });
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const o = parser.parse(line);
      if (o.ok) events.push(...o.events);
    }
  }
  return events;
}

describe('validateEvent (the hot-path check)', () => {
  const events = fixtureEvents();

  it('accepts every event the parsers produce from the fixtures, as zod does', () => {
    expect(events.length).toBeGreaterThan(3000);
    for (const ev of events) {
      expect(eventSchema.safeParse(ev).success).toBe(true);
      expect(validateEvent(ev)).toEqual({ ok: true });
    }
  });

  it('rejects what zod rejects when a field the parsers set is corrupted', () => {
    /** [dotted path, bad value] — each breaks a constraint of eventSchema. */
    const corruptions: [string, unknown][] = [
      ['@timestamp', '2024-13-01T00:00:00.000Z'],
      ['event.id', ''],
      ['event.kind', 'nope'],
      ['event.outcome', 'maybe'],
      ['event.category', [1]],
      ['vigil.schema_version', 2],
      ['source', { ip: '1.2.3.4', port: 70000 }],
      ['process', { pid: 1.5 }],
      ['user', { name: 5 }],
      ['related', { ip: [null] }],
      ['vigil.repeat', { index: 0, of: 1 }],
    ];
    const set = (target: Record<string, unknown>, dotted: string, value: unknown): void => {
      const keys = dotted.split('.');
      let cur = target;
      for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
      cur[keys[keys.length - 1]!] = value;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: events.length - 1 }),
        fc.integer({ min: 0, max: corruptions.length - 1 }),
        (i, c) => {
          const ev = structuredClone(events[i]) as unknown as Record<string, unknown>;
          const [name, value] = corruptions[c]!;
          set(ev, name, value);
          expect(eventSchema.safeParse(ev).success, name).toBe(false);
          expect(validateEvent(ev).ok, name).toBe(false);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
