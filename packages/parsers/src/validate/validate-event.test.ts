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
    const corruptions: [string, (e: Record<string, any>) => void][] = [
      ['@timestamp', (e) => (e['@timestamp'] = '2024-13-01T00:00:00.000Z')],
      ['event.id', (e) => (e.event.id = '')],
      ['event.kind', (e) => (e.event.kind = 'nope')],
      ['event.outcome', (e) => (e.event.outcome = 'maybe')],
      ['event.category', (e) => (e.event.category = [1])],
      ['vigil.schema_version', (e) => (e.vigil.schema_version = 2)],
      ['source.port', (e) => (e.source = { ip: '1.2.3.4', port: 70000 })],
      ['process.pid', (e) => (e.process = { pid: 1.5 })],
      ['user.name', (e) => (e.user = { name: 5 })],
      ['related.ip', (e) => (e.related = { ip: [null] })],
      ['vigil.repeat', (e) => (e.vigil.repeat = { index: 0, of: 1 })],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length - 1 }), fc.integer({ min: 0, max: corruptions.length - 1 }), (i, c) => {
        const ev = structuredClone(events[i]) as Record<string, any>;
        const [name, corrupt] = corruptions[c] as [string, (e: Record<string, any>) => void];
        corrupt(ev);
        expect(eventSchema.safeParse(ev).success, name).toBe(false);
        expect(validateEvent(ev).ok, name).toBe(false);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
