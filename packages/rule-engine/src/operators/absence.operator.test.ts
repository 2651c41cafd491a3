import { describe, it } from 'vitest';
import { match, short, testScheduler, tick } from '../test-support/marbles.js';
import { absenceRule } from '../test-support/rules.js';
import { absence } from './absence.operator.js';

const rule = absenceRule('quiet', { timespanMs: 1_000 });
const seen = (at: number, host: string) => match('quiet', { at, host });

describe('absence operator', () => {
  it('fires when event time passes last + span with no event from the group, once, and re-arms', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcdefg|', {
        a: seen(0, 'h1'),
        b: seen(500, 'h2'),
        c: tick(1_000),
        d: tick(1_001),
        e: tick(5_000),
        f: seen(6_000, 'h1'),
        g: tick(7_001),
      });
      expectObservable(input.pipe(short(absence(rule)))).toBe('---ab-c|', {
        a: 'quiet|h1|0',
        b: 'quiet|h2|0',
        c: 'quiet|h1|0',
      });
    });
  });

  it('does not fire while the group keeps speaking', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcd|', {
        a: seen(0, 'h'),
        b: seen(900, 'h'),
        c: seen(1_800, 'h'),
        d: tick(2_500),
      });
      expectObservable(input.pipe(short(absence(rule)))).toBe('----|');
    });
  });
});
