import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { newTermsRule } from '../test-support/rules.js';
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
});
