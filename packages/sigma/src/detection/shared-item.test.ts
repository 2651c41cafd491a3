import type { EventPredicate } from '@vigil/rule-engine';
import { describe, expect, it } from 'vitest';
import { eventScope } from '../field/event-scope.js';
import { sharedItem } from './shared-item.js';

describe('sharedItem', () => {
  it('gives every rule with the same fields and values one predicate, run once per event in a scope', () => {
    let calls = 0;
    const compiled: EventPredicate = (event) => {
      calls++;
      return event.event.dataset === 'x.y';
    };
    const first = sharedItem(['test.shared'], ['x.y'], compiled);
    const second = sharedItem(['test.shared'], ['x.y'], () => false);
    expect(second).toBe(first);
    const event = { event: { dataset: 'x.y' } } as Parameters<EventPredicate>[0];
    eventScope.enter();
    expect([first(event), second(event)]).toEqual([true, true]);
    eventScope.exit();
    expect(calls).toBe(1);
  });

  it('keeps values of different types apart (1 and "1", NaN and null)', () => {
    const never: EventPredicate = () => false;
    const always: EventPredicate = () => true;
    const event = {} as Parameters<EventPredicate>[0];
    expect(sharedItem(['test.typed'], [1], never)(event)).toBe(false);
    expect(sharedItem(['test.typed'], ['1'], always)(event)).toBe(true);
    expect(sharedItem(['test.typed'], [Number.NaN], never)(event)).toBe(false);
    expect(sharedItem(['test.typed'], [null], always)(event)).toBe(true);
  });
});
