import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { groupBy, valueCountRule } from '../test-support/rules.js';
import { valueCount } from './value-count.operator.js';

describe('valueCount operator', () => {
  it('port scan: distinct destination ports per source', () => {
    const rule = valueCountRule('scan', {
      rules: ['conn'],
      field: 'destination.port',
      groupBy: groupBy('source.ip'),
      timespanMs: 60_000,
      condition: { gte: 3 },
    });
    const c = (at: number, port: number, ip = 's') => match('conn', { at, ip, port, dataset: 'zeek.conn' });
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcdef|', {
        a: c(0, 22),
        b: c(1, 22),
        c: c(2, 80),
        d: c(3, 443, 'other'),
        e: c(4, 22),
        f: c(5, 8080),
      });
      expectObservable(input.pipe(short(valueCount(rule)))).toBe('-----a|', { a: 'scan|s|3' });
    });
  });

  it('distributed guessing: distinct sources per user', () => {
    const rule = valueCountRule('guess', {
      rules: ['fail'],
      field: 'source.ip',
      groupBy: groupBy('user.name'),
      condition: { gt: 1 },
    });
    const f = (at: number, ip: string) => match('fail', { at, ip, user: 'root', outcome: 'failure' });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(
        cold('abc|', { a: f(0, '1'), b: f(1, '1'), c: f(2, '2') }).pipe(short(valueCount(rule))),
      ).toBe('--a|', {
        a: 'guess|root|2',
      });
    });
  });
});
