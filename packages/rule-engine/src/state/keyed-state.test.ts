import { describe, expect, it } from 'vitest';
import { KeyedState } from './keyed-state.js';

const options = { maxKeys: 10, lastTime: (t: number) => t, scanEveryMs: 100 };

describe('KeyedState', () => {
  it('drops keys last active at or before the cutoff, releasing them, at most once per scan interval', () => {
    const released: number[] = [];
    const state = new KeyedState<number>({ ...options, release: (t) => released.push(t) });
    state.set('a', 1);
    state.set('b', 2);
    state.set('c', 3);
    state.set('a', 4);
    state.expire(3, 10);
    expect([...state.map.keys()]).toEqual(['a']);
    expect(released).toEqual([2, 3]);
    state.set('d', 5);
    state.expire(5, 50);
    expect(state.map.size).toBe(2);
    state.expire(5, 50, true);
    expect(state.map.size).toBe(0);
    expect(state.stats).toEqual({ keys: 0, evicted: 4, evictedForCap: 0 });
  });

  it('at the cap drops the oldest-created key and counts it', () => {
    const state = new KeyedState<number>({ ...options, maxKeys: 2 });
    state.set('a', 1);
    state.set('b', 2);
    state.set('a', 3);
    state.set('c', 3);
    expect([...state.map.keys()]).toEqual(['b', 'c']);
    expect(state.stats).toEqual({ keys: 2, evicted: 0, evictedForCap: 1 });
  });

  it('counts a capped-out key that was already dead as an ordinary eviction', () => {
    const state = new KeyedState<number>({ ...options, maxKeys: 1 });
    state.set('a', 1);
    state.expire(0, 0);
    state.cutoff = 5;
    state.set('b', 6);
    expect(state.stats).toEqual({ keys: 1, evicted: 1, evictedForCap: 0 });
  });
});
