import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { eventCountRule } from '../test-support/rules.js';
import { eventCount } from './event-count.operator.js';

const rule = eventCountRule('bf', { rules: ['fail'], timespanMs: 10_000, condition: { gte: 3 } });
const f = (at: number, ip = 'x') => match('fail', { at, ip, outcome: 'failure' });

describe('eventCount operator', () => {
  it('fires on the third match in the window and re-fires only after a fresh run', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcdefg|', { a: f(0), b: f(1), c: f(2), d: f(3), e: f(4), f: f(5), g: f(6) });
      expectObservable(input.pipe(short(eventCount(rule)))).toBe('--a--b-|', { a: 'bf|x|3', b: 'bf|x|3' });
    });
  });

  it('keeps groups apart and forgets matches that slid out of the window', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcde|', {
        a: f(0, 'x'),
        b: f(1, 'y'),
        c: f(5_000, 'x'),
        d: f(10_001, 'x'),
        e: f(10_002, 'y'),
      });
      expectObservable(input.pipe(short(eventCount(rule)))).toBe('-----|');
    });
  });

  it('gives each subscription its own state', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abc|', { a: f(0), b: f(1), c: f(2) });
      const alerts = input.pipe(short(eventCount(rule)));
      expectObservable(alerts).toBe('--a|', { a: 'bf|x|3' });
      expectObservable(alerts).toBe('--a|', { a: 'bf|x|3' });
    });
  });
});
