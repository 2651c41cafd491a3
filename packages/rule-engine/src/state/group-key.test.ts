import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGroupKey, groupKey } from './group-key.js';

const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

describe('groupKey', () => {
  it('decodes back to the values, for any values', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), (values) => {
        expect(decodeGroupKey(groupKey(values))).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });

  it('keeps different values apart', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3 }), fc.array(value, { maxLength: 3 }), (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(groupKey(a) === groupKey(b)).toBe(same);
      }),
    );
  });

  it('is the string itself for one plain string value', () => {
    expect(groupKey(['10.0.0.1'])).toBe('10.0.0.1');
    expect(groupKey(['5'])).not.toBe(groupKey([5]));
    expect(groupKey(['null'])).not.toBe(groupKey([null]));
  });
});
