import { describe, expect, it } from 'vitest';
import { KeyedState } from './keyed-state.js';

describe('KeyedState', () => {
  it('expires keys by last activity, oldest first, in O(evicted)', () => {
    const released: number[] = [];
    const state = new KeyedState<number>({
      maxKeys: 10,
      lastTime: (t) => t,
      release: (t) => released.push(t),
    });
    state.set('a', 1);
    state.set('b', 2);
    state.set('c', 3);
    state.set('a', 4); // touched: now the most recent
    state.expire(3);
    expect([...state.map.keys()]).toEqual(['a']);
    expect(released).toEqual([2, 3]);
    expect(state.stats).toEqual({ keys: 1, evicted: 2, evictedForCap: 0 });
  });

  it('at the cap drops the least recently active key and counts it', () => {
    const state = new KeyedState<number>({ maxKeys: 2, lastTime: (t) => t });
    state.set('a', 1);
    state.set('b', 2);
    state.set('c', 3);
    expect([...state.map.keys()]).toEqual(['b', 'c']);
    expect(state.stats).toEqual({ keys: 2, evicted: 0, evictedForCap: 1 });
  });

  it('counts a capped-out key that was already dead as an ordinary eviction', () => {
    const state = new KeyedState<number>({ maxKeys: 1, lastTime: (t) => t });
    state.set('a', 1);
    state.expire(0);
    state.cutoff = 5;
    state.set('b', 6);
    expect(state.stats).toEqual({ keys: 1, evicted: 1, evictedForCap: 0 });
  });
});
