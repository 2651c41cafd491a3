import { describe, expect, it } from 'vitest';
import { eventScope } from './event-scope.js';
import { memoPerEvent } from './memo-per-event.js';

describe('memoPerEvent', () => {
  it('computes once per event inside a scope, and again for another event or scope', () => {
    let calls = 0;
    const count = memoPerEvent((event: { n: number }) => {
      calls++;
      return event.n * 2;
    });
    const a = { n: 1 };
    const b = { n: 2 };
    eventScope.enter();
    expect([count(a), count(a), count(a)]).toEqual([2, 2, 2]);
    expect(calls).toBe(1);
    expect(count(b)).toBe(4);
    eventScope.exit();
    expect(calls).toBe(2);
    a.n = 5;
    eventScope.enter();
    expect(count(a)).toBe(10);
    eventScope.exit();
    expect(calls).toBe(3);
  });

  it('caches nothing outside a scope, so a changed event is seen at once', () => {
    let calls = 0;
    const read = memoPerEvent((event: { v: string }) => {
      calls++;
      return event.v;
    });
    const e = { v: 'x' };
    expect(read(e)).toBe('x');
    e.v = 'y';
    expect(read(e)).toBe('y');
    expect(calls).toBe(2);
  });
});
