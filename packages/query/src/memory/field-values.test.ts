import { describe, expect, it } from 'vitest';
import { fieldValues } from './field-values.js';

describe('fieldValues', () => {
  it('reads nested objects, dotted keys and arrays alike', () => {
    expect(fieldValues({ source: { ip: '1.2.3.4' } }, 'source.ip')).toEqual(['1.2.3.4']);
    expect(fieldValues({ 'source.ip': '1.2.3.4' }, 'source.ip')).toEqual(['1.2.3.4']);
    expect(fieldValues({ source: { 'geo.country': 'NL' } }, 'source.geo.country')).toEqual(['NL']);
    expect(fieldValues({ tags: ['a', 'b'] }, 'tags')).toEqual(['a', 'b']);
    expect(fieldValues({ hits: [{ n: 1 }, { n: [2, 3] }] }, 'hits.n')).toEqual([1, 2, 3]);
    expect(fieldValues({ a: null, b: { c: null } }, 'b.c')).toEqual([]);
    expect(fieldValues({ a: 'x' }, 'a.b')).toEqual([]);
  });

  it('never reads inherited properties', () => {
    expect(fieldValues({}, 'constructor')).toEqual([]);
    expect(fieldValues({ a: {} }, 'a.__proto__')).toEqual([]);
  });
});
