import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReorderBuffer, before, type Ordered } from './reorder-buffer.js';

const item = (ts: number, id: string): Ordered => ({ ts, id });

describe('ReorderBuffer', () => {
  it('gives items back in (time, id) order whatever the insert order, with takes interleaved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.string({ maxLength: 2 }), fc.boolean())),
        (ops) => {
          const buffer = new ReorderBuffer<Ordered>();
          const taken: Ordered[] = [];
          let floor = -1;
          for (const [ts, id, take] of ops) {
            // Like the engine: never insert below what was already released.
            if (ts > floor) buffer.push(item(ts, id));
            if (take) {
              const next = buffer.shift();
              if (next !== undefined) {
                taken.push(next);
                floor = next.ts;
              }
            }
          }
          const rest = buffer.toArray();
          for (let next = buffer.shift(); next !== undefined; next = buffer.shift()) taken.push(next);
          expect(buffer.size).toBe(0);
          for (let i = 1; i < taken.length; i++) expect(before(taken[i]!, taken[i - 1]!)).toBe(false);
          expect(rest.length).toBeLessThanOrEqual(taken.length);
        },
      ),
    );
  });

  it('compacts after many takes without losing order', () => {
    const buffer = new ReorderBuffer<Ordered>();
    for (let i = 0; i < 10_000; i++) buffer.push(item(i, 'x'));
    for (let i = 0; i < 9_000; i++) buffer.shift();
    buffer.push(item(9_500, 'a'));
    expect(buffer.size).toBe(1_001);
    expect(
      buffer
        .toArray()
        .slice(499, 502)
        .map((p) => [p.ts, p.id]),
    ).toEqual([
      [9_499, 'x'],
      [9_500, 'a'],
      [9_500, 'x'],
    ]);
  });
});
