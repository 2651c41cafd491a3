import { describe, expect, it } from 'vitest';
import { compileFieldGetter } from './field-getter.js';

describe('compileFieldGetter', () => {
  it('reads nested ECS objects at any depth', () => {
    const event = { source: { ip: '1.2.3.4', geo: { country_iso_code: 'FR' } }, message: 'm' };
    expect(compileFieldGetter('message')(event)).toBe('m');
    expect(compileFieldGetter('source.ip')(event)).toBe('1.2.3.4');
    expect(compileFieldGetter('source.geo.country_iso_code')(event)).toBe('FR');
    expect(compileFieldGetter('source.port')(event)).toBeUndefined();
    expect(compileFieldGetter('destination.ip')(event)).toBeUndefined();
  });

  it('finds flattened dotted keys and flattens arrays of objects', () => {
    expect(compileFieldGetter('labels.app.tier')({ labels: { 'app.tier': 'web' } })).toBe('web');
    expect(compileFieldGetter('aws.cloudtrail.x')({ 'aws.cloudtrail': { x: 1 } })).toBe(1);
    expect(
      compileFieldGetter('dns.answers.data')({ dns: { answers: [{ data: 'a' }, { data: 'b' }, {}] } }),
    ).toEqual(['a', 'b']);
  });

  it('never reads inherited properties', () => {
    expect(compileFieldGetter('constructor')({})).toBeUndefined();
    expect(compileFieldGetter('a.toString')({ a: {} })).toBeUndefined();
    expect(compileFieldGetter('a.b.__proto__')({ a: { b: {} } })).toBeUndefined();
  });
});
