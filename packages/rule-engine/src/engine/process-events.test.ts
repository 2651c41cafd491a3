import { map } from 'rxjs';
import { describe, it } from 'vitest';
import { testScheduler } from '../test-support/marbles.js';
import { T0, detection, event, eventCountRule, isFailure } from '../test-support/rules.js';
import { createEngine } from './create-engine.js';

const rules = [detection('f', isFailure), eventCountRule('bf', { rules: ['f'], condition: { gte: 2 } })];
const fail = (at: number) => event({ at, ip: 'x', outcome: 'failure' });
const label = map((o: { kind: string }) => o.kind);

describe('engine.process', () => {
  it('emits outputs as events arrive, takes arrays as batches, and flushes on completion', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
      const events = cold('a-b-c|', { a: fail(0), b: [fail(1), fail(2)], c: fail(3) });
      // The second failure is released (and fires) when the third arrives; the fourth waits for the flush.
      expectObservable(engine.process(events).pipe(label)).toBe('--a--(b|)', { a: 'alert', b: 'alert' });
    });
  });

  it('turns bad input into outputs, never into an error', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
      expectObservable(engine.process(cold('ab|', { a: 'not json', b: { event: null } })).pipe(label)).toBe(
        'ab|',
        {
          a: 'invalid',
          b: 'invalid',
        },
      );
    });
  });

  it('advances event time from ticks$ and emits stats on an interval', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const engine = createEngine({ rules }, { allowedLatenessMs: 60_000 });
      const events = hot('ab------|', { a: fail(0), b: fail(1) });
      const ticks = hot('---t----', { t: T0 + 10_000 });
      const outputs = engine.process(events, { ticks$: ticks, statsIntervalMs: 5 });
      expectObservable(outputs.pipe(label)).toBe('---a-s--|', { a: 'alert', s: 'stats' });
    });
  });

  it('passes an error of the input itself through', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const engine = createEngine({ rules });
      expectObservable(engine.process(cold('#', undefined, new Error('source broke')))).toBe(
        '#',
        undefined,
        new Error('source broke'),
      );
    });
  });
});
