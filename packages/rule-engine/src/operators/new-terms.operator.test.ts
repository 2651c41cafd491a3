import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { newTermsRule, T0 } from '../test-support/rules.js';
import { newTerms } from './new-terms.operator.js';

const rule = newTermsRule('nt', { fields: ['source.ip'], historyMs: 1_000 });
const login = (at: number, ip: string) => match('nt', { at, ip, user: 'alice', outcome: 'success' });

describe('newTerms operator', () => {
  it('learns during the first history, then flags unseen terms per group', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcde|', {
        a: login(0, '1'),
        b: login(500, '2'),
        c: login(1_100, '2'),
        d: login(1_200, '3'),
        e: login(1_300, '3'),
      });
      expectObservable(input.pipe(short(newTerms(rule)))).toBe('---x-|', { x: 'nt|alice|1' });
    });
  });

  it('without learning, the first sighting of every term is new', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('ab|', { a: login(0, '1'), b: login(1, '1') });
      expectObservable(input.pipe(short(newTerms(rule, { newTermsLearning: false })))).toBe('x-|', {
        x: 'nt|alice|1',
      });
    });
  });

  it('with a learning start given, parts of the stream learn over the same span as the whole', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // Learning from T0 until T0 + 1000: the match at 900 only learns, the one at 1100 is new (count 1).
      // From the first match (the default) both would fall in learning.
      const input = cold('ab|', { a: login(900, '1'), b: login(1_100, '2') });
      expectObservable(input.pipe(short(newTerms(rule, { newTermsLearningFromMs: T0 })))).toBe('-x|', {
        x: 'nt|alice|1',
      });
    });
  });
});
