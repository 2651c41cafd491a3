import { describe, it } from 'vitest';
import { match, short, testScheduler } from '../test-support/marbles.js';
import { detection, groupBy, isSuccess } from '../test-support/rules.js';
import { signature } from './signature.operator.js';

const login = (at: number, user: string) => match('root', { at, user, outcome: 'success' });

describe('signature operator', () => {
  it('alerts on every match without suppression', () => {
    const rule = detection('root', isSuccess, { generate: true });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('ab|', { a: login(0, 'u'), b: login(1, 'u') }).pipe(short(signature(rule)))).toBe(
        'ab|',
        {
          a: 'root||1',
          b: 'root||1',
        },
      );
    });
  });

  it('suppresses to one alert per group per window', () => {
    const rule = detection('root', isSuccess, {
      generate: true,
      suppress: { groupBy: groupBy('user.name'), windowMs: 100 },
    });
    testScheduler().run(({ cold, expectObservable }) => {
      const input = cold('abcd|', {
        a: login(0, 'u'),
        b: login(50, 'u'),
        c: login(60, 'v'),
        d: login(100, 'u'),
      });
      expectObservable(input.pipe(short(signature(rule)))).toBe('a-cd|', {
        a: 'root|u|1',
        c: 'root|v|1',
        d: 'root|u|1',
      });
    });
  });
});
