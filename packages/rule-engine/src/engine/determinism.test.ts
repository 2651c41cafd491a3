import fc from 'fast-check';
import { firstValueFrom, from, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { VigilEvent } from '@vigil/schema';
import { mixedRules } from '../test-support/mixed-rules.js';
import { alertsOf } from '../test-support/outputs.js';
import { event } from '../test-support/rules.js';
import { createEngine } from './create-engine.js';

const LATENESS = 5_000;

const eventArb = fc.record({
  at: fc.integer({ min: 0, max: 400_000 }),
  host: fc.constantFrom('web-1', 'web-2', 'db-1'),
  ip: fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3'),
  user: fc.constantFrom('root', 'admin', 'alice', 'oracle'),
  outcome: fc.constantFrom('failure' as const, 'failure' as const, 'success' as const),
});

/** Arrival order: each event may arrive up to LATENESS after its time (so none is late). */
const scenarioArb = fc
  .array(
    fc.tuple(eventArb, fc.integer({ min: 0, max: LATENESS }), fc.double({ min: 0, max: 1, noNaN: true })),
    {
      minLength: 1,
      maxLength: 250,
      size: 'max',
    },
  )
  .chain((items) =>
    fc.tuple(
      fc.constant(
        items.map(([spec, delay, tie], n) => ({
          event: event({ ...spec, n }),
          arrival: spec.at + delay,
          tie,
        })),
      ),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }),
    ),
  );

function sortedByTime(events: readonly VigilEvent[]): VigilEvent[] {
  return [...events].sort((a, b) => {
    const d = Date.parse(a['@timestamp']) - Date.parse(b['@timestamp']);
    return d !== 0 ? d : a.event.id < b.event.id ? -1 : 1;
  });
}

function batches<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, k = 0; i < items.length; k++) {
    const size = sizes[k % sizes.length] ?? 1;
    out.push(items.slice(i, i + size));
    i += size;
  }
  return out;
}

describe('determinism', () => {
  it('gives the same alerts, in the same order, for any arrival order within lateness and any batching', async () => {
    const seenTypes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ([scenario, sizes]) => {
        const sorted = sortedByTime(scenario.map((s) => s.event));
        const reference = createEngine({ rules: mixedRules() }, { allowedLatenessMs: LATENESS });
        const expected = alertsOf([...sorted.flatMap((e) => reference.push(e)), ...reference.flush()]);

        const arrival = [...scenario]
          .sort((a, b) => a.arrival - b.arrival || a.tie - b.tie)
          .map((s) => s.event);
        const engine = createEngine({ rules: mixedRules() }, { allowedLatenessMs: LATENESS });
        const outputs = await firstValueFrom(engine.process(from(batches(arrival, sizes))).pipe(toArray()));

        expect(outputs.filter((o) => o.kind === 'late')).toEqual([]);
        expect(alertsOf(outputs).map((a) => a.id)).toEqual(expected.map((a) => a.id));
        for (const alert of expected) seenTypes.add(alert.rule.type);
      }),
      { numRuns: 150, seed: 20260301 },
    );
    // The runs exercised every rule type, so the equality above is not vacuous.
    expect([...seenTypes].sort()).toEqual([
      'absence',
      'event_count',
      'new_terms',
      'signature',
      'temporal',
      'temporal_ordered',
      'value_count',
    ]);
  });

  it('fires every rule type on a regular stream', () => {
    const events = Array.from({ length: 400 }, (_, n) =>
      event({
        at: n * 700 + (n % 7 === 0 ? 60_000 : 0),
        host: ['web-1', 'web-2', 'db-1'][n % 3] ?? 'web-1',
        ip: `10.0.0.${n % 3}`,
        user: ['root', 'admin', 'alice', 'oracle'][n % 4] ?? 'root',
        outcome: n % 5 === 4 ? 'success' : 'failure',
        n,
      }),
    );
    const engine = createEngine({ rules: mixedRules() }, { allowedLatenessMs: LATENESS });
    const last = events.at(-1);
    const at =
      last === undefined ? 0 : Date.parse(last['@timestamp']) - Date.parse(events[0]?.['@timestamp'] ?? '');
    // A login from an address never seen before, after the new_terms learning period.
    const tail = [event({ at: at + 100_000, ip: '192.0.2.7', user: 'root', outcome: 'success' })];
    const alerts = alertsOf([...engine.pushMany(sortedByTime([...events, ...tail])), ...engine.flush()]);
    expect(new Set(alerts.map((a) => a.rule.type))).toEqual(
      new Set([
        'signature',
        'event_count',
        'value_count',
        'temporal',
        'temporal_ordered',
        'absence',
        'new_terms',
      ]),
    );
  });
});
