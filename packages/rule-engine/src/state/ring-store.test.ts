import { describe, expect, it } from 'vitest';
import { RingStore } from './ring-store.js';

const hex = (n: number): string => n.toString(16).padStart(16, '0');

describe('RingStore', () => {
  it('keeps entries in order while growing through size classes', () => {
    const store = new RingStore(10);
    let h = store.alloc();
    for (let i = 0; i < 7; i++) h = store.push(h, i * 10, hex(i), i % 2 ? 'a' : 'b');
    expect(store.entries(h)).toEqual(
      Array.from({ length: 7 }, (_, i) => ({ ts: i * 10, id: hex(i), dataset: i % 2 ? 'a' : 'b' })),
    );
  });

  it('drops the oldest entry when full at max capacity, and expires from the old end', () => {
    const store = new RingStore(3);
    let h = store.alloc();
    for (let i = 0; i < 5; i++) h = store.push(h, i, hex(i), 'd');
    expect(store.entries(h).map((e) => e.ts)).toEqual([2, 3, 4]);
    expect(store.expire(h, 3)).toBe(1);
    expect(store.entries(h).map((e) => e.id)).toEqual([hex(4)]);
  });

  it('round-trips ids that are not 16 hex characters', () => {
    const store = new RingStore(4);
    let h = store.alloc();
    for (const id of ['abc', 'ABCDEF0123456789', '0123456789abcdef', 'x'.repeat(40)])
      h = store.push(h, 1, id, 'd');
    expect(store.entries(h).map((e) => e.id)).toEqual([
      'abc',
      'ABCDEF0123456789',
      '0123456789abcdef',
      'x'.repeat(40),
    ]);
  });

  it('keeps values, removes from the middle, and reuses freed slots', () => {
    const store = new RingStore(4, true);
    let h = store.alloc();
    for (const [i, v] of ['a', 'b', 'c'].entries()) h = store.push(h, i, hex(i), 'd', v);
    store.removeAt(h, 1);
    expect(store.entries(h).map((e) => e.value)).toEqual(['a', 'c']);
    const reset = store.reset(h);
    expect(store.size(reset)).toBe(0);
    const churn = (): void => {
      for (let i = 0; i < 100; i++) store.free(store.push(store.alloc(), i, hex(i), 'd', 'v'));
    };
    churn();
    const before = store.usage().bytes;
    churn();
    expect(store.usage()).toEqual({ rings: 1, bytes: before });
  });
});
