import { describe, expect, it } from 'vitest';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import { FieldCatalog } from '../catalog/field-catalog.js';
import { parseQuery } from '../parser/parse-query.js';
import { bindQuery } from './bind-query.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');

function bind(text: string): ReturnType<typeof bindQuery> {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return bindQuery(parsed.value, eventsCatalog, { now: NOW });
}

function message(text: string): string {
  const result = bind(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.problem.message;
}

describe('bindQuery', () => {
  it('refuses unknown fields, with a hint and the position', () => {
    expect(message('event.outcome:failure and usr.name:root')).toBe(
      `unknown field 'usr.name' for events; did you mean 'user.name', 'host.name', 'rule.name'? (at position 26)`,
    );
    expect(message('nosuchfield:x')).toBe(`unknown field 'nosuchfield' for events (at position 0)`);
  });

  it('accepts fields under open vendor namespaces', () => {
    expect(bind('zeek.conn.state:S0')).toEqual({
      ok: true,
      value: { kind: 'term', field: 'zeek.conn.state', value: 'S0' },
    });
  });

  it('types values by field and says what is wrong', () => {
    expect(message('source.port:abc')).toBe(
      `'source.port' is a number field; 'abc' is not a number (at position 12)`,
    );
    expect(message('source.ip:300.1.1.1')).toMatch(/not an IP address or CIDR block/);
    expect(message('source.ip:10.0.0.0/33')).toMatch(/not an IP address or CIDR block/);
    expect(message('source.ip:10.*')).toMatch(/use a CIDR block/);
    expect(message('source.port:8*')).toMatch(/wildcards work on text and keyword fields/);
    expect(message('vigil.truncated:maybe')).toMatch(/true or false/);
    expect(message('@timestamp >= yesterday')).toMatch(/not a date/);
    expect(message('message > a')).toMatch(/ranges work on number, date and keyword fields/);
  });

  it('resolves relative dates against one instant', () => {
    expect(bind('@timestamp >= now-15m')).toEqual({
      ok: true,
      value: { kind: 'range', field: '@timestamp', type: 'date', gte: NOW - 15 * 60_000 },
    });
    expect(bind('@timestamp < 2024-01-01T10:00:00+0200')).toEqual({
      ok: true,
      value: { kind: 'range', field: '@timestamp', type: 'date', lt: Date.parse('2024-01-01T08:00:00Z') },
    });
  });

  it('searches every default field for free text', () => {
    const parsed = parseQuery('fail*');
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const catalog = new FieldCatalog({
      name: 'logs',
      timeField: 't',
      idField: 'id',
      defaultFields: ['message', 'error.message'],
      fields: { t: 'date', id: 'keyword', message: 'text', 'error.message': 'text' },
    });
    const wildcard = [{ literal: 'fail' }, { wildcard: '*' }];
    expect(bindQuery(parsed.value, catalog)).toEqual({
      ok: true,
      value: {
        kind: 'or',
        children: [
          { kind: 'wildcard', field: 'message', on: 'token', parts: wildcard },
          { kind: 'wildcard', field: 'error.message', on: 'token', parts: wildcard },
        ],
      },
    });
  });
});
