import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VigilEvent } from '@vigil/schema';
import { mixedRules } from '../test-support/mixed-rules.js';
import { alertsOf } from '../test-support/outputs.js';
import { detection, event, eventCountRule, isFailure } from '../test-support/rules.js';
import { createEngine } from './create-engine.js';
import type { EngineSnapshot } from './engine-snapshot.js';

const OPTIONS = { allowedLatenessMs: 5_000 };

const streamArb = fc
  .array(
    fc.record({
      at: fc.integer({ min: 0, max: 300_000 }),
      delay: fc.integer({ min: 0, max: 5_000 }),
      host: fc.constantFrom('web-1', 'web-2'),
      ip: fc.constantFrom('10.0.0.1', '10.0.0.2'),
      user: fc.constantFrom('root', 'admin', 'alice'),
      outcome: fc.constantFrom('failure' as const, 'failure' as const, 'success' as const),
    }),
    { minLength: 2, maxLength: 200, size: 'max' },
  )
  .map((specs) =>
    specs
      .map((spec, n) => ({ event: event({ ...spec, n }), arrival: spec.at + spec.delay }))
      .sort((a, b) => a.arrival - b.arrival)
      .map((s) => s.event),
  );

/** What a checkpoint store does with it: JSON out, JSON in. */
const viaJson = (snapshot: EngineSnapshot): EngineSnapshot =>
  JSON.parse(JSON.stringify(snapshot)) as EngineSnapshot;

function alertIds(
  events: readonly VigilEvent[],
  engine = createEngine({ rules: mixedRules() }, OPTIONS),
): string[] {
  return alertsOf([...engine.pushMany(events), ...engine.flush()]).map((a) => a.id);
}

describe('snapshot and restore', () => {
  it('snapshot, restore, continue gives the same alerts as an uninterrupted run', () => {
    fc.assert(
      fc.property(streamArb, fc.double({ min: 0, max: 1, noNaN: true }), (events, at) => {
        const cut = Math.floor(at * events.length);
        const expected = alertIds(events);
        const first = createEngine({ rules: mixedRules() }, OPTIONS);
        const before = alertsOf(first.pushMany(events.slice(0, cut))).map((a) => a.id);
        const resumed = createEngine(
          { rules: mixedRules() },
          { ...OPTIONS, restore: viaJson(first.snapshot()) },
        );
        expect([...before, ...alertIds(events.slice(cut), resumed)]).toEqual(expected);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('restore then replay of already-seen events yields only already-seen ids, and loses none', () => {
    fc.assert(
      fc.property(
        streamArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (events, a, b) => {
          const checkpoint = Math.floor(Math.min(a, b) * events.length);
          const crash = Math.floor(Math.max(a, b) * events.length);
          const expected = alertIds(events);
          const live = createEngine({ rules: mixedRules() }, OPTIONS);
          const seen = alertsOf(live.pushMany(events.slice(0, checkpoint))).map((x) => x.id);
          const saved = viaJson(live.snapshot());
          seen.push(...alertsOf(live.pushMany(events.slice(checkpoint, crash))).map((x) => x.id));
          // The process dies here; a new one restores the checkpoint and replays from its offset.
          const recovered = createEngine({ rules: mixedRules() }, { ...OPTIONS, restore: saved });
          const replayed = alertsOf(recovered.pushMany(events.slice(checkpoint, crash))).map((x) => x.id);
          expect(replayed.every((id) => seen.includes(id))).toBe(true);
          const rest = alertIds(events.slice(crash), recovered);
          expect(new Set([...seen, ...replayed, ...rest])).toEqual(new Set(expected));
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });

  it('keeps only the group keys a filter selects (e.g. the keys of one partition)', () => {
    const rules = [detection('f', isFailure), eventCountRule('bf', { rules: ['f'], condition: { gte: 2 } })];
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    engine.pushMany([
      event({ at: 0, ip: 'a', outcome: 'failure' }),
      event({ at: 1, ip: 'b', outcome: 'failure' }),
      event({ at: 2, ip: 'c', outcome: 'failure' }),
    ]);
    const snapshot = engine.snapshot({ filter: (_ruleId, key) => key !== 'b' });
    expect(snapshot.operators.find((o) => o.id === 'bf')?.state.keys.map(([key]) => key)).toEqual(['a']);
    // The last event is still in the reorder buffer (it is at the watermark), and travels whole.
    expect(snapshot.buffer).toHaveLength(1);
    const restored = createEngine({ rules }, { allowedLatenessMs: 0, restore: snapshot });
    const alerts = alertsOf(
      restored.pushMany([
        event({ at: 3, ip: 'a', outcome: 'failure' }),
        event({ at: 4, ip: 'b', outcome: 'failure' }),
      ]),
    );
    expect(alerts.map((x) => x.group)).toEqual([{ 'source.ip': 'a' }]);
  });

  it('drops the state of rules whose version changed', () => {
    const rules = [detection('f', isFailure), eventCountRule('bf', { rules: ['f'], condition: { gte: 2 } })];
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    engine.pushMany([
      event({ at: 0, ip: 'a', outcome: 'failure' }),
      event({ at: 1, ip: 'x', outcome: 'success' }),
    ]);
    const bumped = [rules[0]!, eventCountRule('bf', { rules: ['f'], condition: { gte: 2 }, version: '2' })];
    const restored = createEngine(
      { rules: bumped },
      { allowedLatenessMs: 0, restore: viaJson(engine.snapshot()) },
    );
    expect(
      alertsOf([...restored.push(event({ at: 2, ip: 'a', outcome: 'failure' })), ...restored.flush()]),
    ).toEqual([]);
  });
});

describe('reload', () => {
  const f = detection('f', isFailure);
  const first = [
    event({ at: 0, ip: 'a', outcome: 'failure' }),
    event({ at: 1, ip: 'a', outcome: 'failure' }),
  ];
  const third = event({ at: 2, ip: 'a', outcome: 'failure' });

  it('keeps the state of rules whose id and version are unchanged', () => {
    const engine = createEngine(
      { rules: [f, eventCountRule('bf', { rules: ['f'] })] },
      { allowedLatenessMs: 0 },
    );
    engine.pushMany(first);
    expect(
      engine.reload({
        rules: [f, eventCountRule('bf', { rules: ['f'] }), eventCountRule('other', { rules: ['f'] })],
      }),
    ).toEqual([]);
    const alerts = alertsOf([...engine.push(third), ...engine.flush()]);
    expect(alerts.map((a) => a.rule.id)).toEqual(['bf']);
  });

  it('matches events still waiting in the reorder buffer against the new rules', () => {
    const engine = createEngine(
      { rules: [f, eventCountRule('bf', { rules: ['f'], condition: { gte: 2 } })] },
      { allowedLatenessMs: 60_000 },
    );
    engine.pushMany(first);
    engine.reload({
      rules: [
        f,
        eventCountRule('bf', { rules: ['f'], condition: { gte: 2 } }),
        eventCountRule('new', { rules: ['f'], condition: { gte: 2 } }),
      ],
    });
    expect(alertsOf(engine.flush()).map((a) => a.rule.id)).toEqual(['bf', 'new']);
  });

  it('drops the state of changed and removed rules, and reports the problems of the new set', () => {
    const engine = createEngine(
      { rules: [f, eventCountRule('bf', { rules: ['f'] })] },
      { allowedLatenessMs: 0 },
    );
    engine.pushMany(first);
    const problems = engine.reload({
      rules: [
        f,
        eventCountRule('bf', { rules: ['f'], version: '2' }),
        eventCountRule('bad', { rules: ['nope'] }),
      ],
    });
    expect(problems.map((p) => p.ruleId)).toEqual(['bad']);
    expect(alertsOf([...engine.push(third), ...engine.flush()])).toEqual([]);
  });
});
