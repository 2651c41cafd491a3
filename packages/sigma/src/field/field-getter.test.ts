import { describe, expect, it } from 'vitest';
import { eventScope } from './event-scope.js';
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

  it('falls back from a partial nested path to flattened keys at any level', () => {
    const get = compileFieldGetter('a.b.c.d');
    expect(get({ a: { 'b.c.d': 1 } })).toBe(1);
    expect(get({ 'a.b': { 'c.d': 2 } })).toBe(2);
    expect(get({ a: { b: { c: {} } }, 'a.b.c': { d: 3 } })).toBe(3);
    expect(get({ a: { b: { c: { d: 0 } } }, 'a.b.c.d': 4 })).toBe(0);
    expect(get({ a: [{ b: { 'c.d': 5 } }, { 'b.c': { d: 6 } }] })).toEqual([5, 6]);
  });

  it('never reads inherited properties', () => {
    expect(compileFieldGetter('constructor')({})).toBeUndefined();
    expect(compileFieldGetter('a.toString')({ a: {} })).toBeUndefined();
    expect(compileFieldGetter('a.b.__proto__')({ a: { b: {} } })).toBeUndefined();
  });

  it('is one shared getter per field, reading each field once per event inside a scope', () => {
    const get = compileFieldGetter('source.ip');
    expect(compileFieldGetter('source.ip')).toBe(get);
    const event = { source: { ip: '10.0.0.1' } };
    eventScope.enter();
    expect(get(event)).toBe('10.0.0.1');
    event.source.ip = '10.0.0.2';
    // Inside one scope the event is taken as unchanged: the first read stands.
    expect(get(event)).toBe('10.0.0.1');
    eventScope.exit();
    expect(get(event)).toBe('10.0.0.2');
    eventScope.enter();
    expect(get(event)).toBe('10.0.0.2');
    expect(get({ source: { ip: '10.0.0.3' } })).toBe('10.0.0.3');
    eventScope.exit();
  });
});
