import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { temporalRule } from '../test-support/rules.js';
import { temporal } from './temporal.operator.js';

const a = (at: number, ip = 'x') => match('a', { at, ip });
const b = (at: number, ip = 'x') => match('b', { at, ip });
const c = (at: number, ip = 'x') => match('c', { at, ip });

describe('temporal operator', () => {
  it('unordered: fires once all rules matched within the span, whatever the order', () => {
    const rule = temporalRule('t', { rules: ['a', 'b', 'c'], timespanMs: 1_000 });
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('pqrstu|', { p: c(0), q: a(100), r: b(200), s: a(300), t: b(1_250), u: c(1_300) });
      expectObservable(input.pipe(short(temporal(rule)))).toBe('--x---|', { x: 't|x|3' });
    });
  });

  it('unordered with a condition: any two of three', () => {
    const rule = temporalRule('t2', { rules: ['a', 'b', 'c'], condition: { gte: 2 } });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('pq|', { p: c(0), q: c(1) }).pipe(short(temporal(rule)))).toBe('--|');
      expectObservable(cold('pq|', { p: c(0), q: a(1) }).pipe(short(temporal(rule)))).toBe('-x|', {
        x: 't2|x|2',
      });
    });
  });

  it('ordered: only in the listed order, and a fresher start replaces a stale one', () => {
    const rule = temporalRule('o', { rules: ['a', 'b', 'c'], ordered: true, timespanMs: 1_000 });
    testScheduler().run(({ cold, expectObservable }) => {
      // c b a: wrong order; then a(500) b(1200) c(1400): the chain started at 500, within 1 s of 1400.
      const input = cold('pqrstu|', { p: c(0), q: b(100), r: a(200), s: a(500), t: b(1_200), u: c(1_400) });
      expectObservable(input.pipe(short(temporal(rule)))).toBe('-----x|', { x: 'o|x|3' });
    });
  });

  it('ordered: a chain whose start left the span does not fire', () => {
    const rule = temporalRule('o', { rules: ['a', 'b'], ordered: true, timespanMs: 1_000 });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('pq|', { p: a(0), q: b(1_000) }).pipe(short(temporal(rule)))).toBe('--|');
    });
  });
});
