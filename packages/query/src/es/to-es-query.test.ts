import { describe, expect, it } from 'vitest';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import { compileQuery } from '../compile-query.js';

function dsl(text: string): unknown {
  const compiled = compileQuery(text, eventsCatalog, { now: 0 });
  if (!compiled.ok) throw new Error(compiled.problem.message);
  return compiled.value.es;
}

describe('toEsQuery', () => {
  it('builds structured clauses', () => {
    expect(dsl('user.name:(root or admin) and not source.ip:10.0.0.0/8 and source.port >= 1024')).toEqual({
      bool: {
        filter: [
          {
            bool: {
              should: [
                { term: { 'user.name': { value: 'root' } } },
                { term: { 'user.name': { value: 'admin' } } },
              ],
              minimum_should_match: 1,
            },
          },
          { bool: { must_not: [{ term: { 'source.ip': { value: '10.0.0.0/8' } } }] } },
          { range: { 'source.port': { gte: 1024 } } },
        ],
      },
    });
    expect(dsl('')).toEqual({ match_all: {} });
    expect(dsl('host.name:*')).toEqual({ exists: { field: 'host.name' } });
    expect(dsl('message:"failed password"')).toEqual({
      match_phrase: { message: { query: 'failed password' } },
    });
    expect(dsl('@timestamp:2024-01-01')).toEqual({
      range: {
        '@timestamp': {
          gte: '2024-01-01T00:00:00.000Z',
          lt: '2024-01-02T00:00:00.000Z',
          format: 'strict_date_optional_time',
        },
      },
    });
  });

  it('escapes literals inside wildcard patterns', () => {
    expect(dsl('user.name:a\\*b?c*')).toEqual({ wildcard: { 'user.name': { value: 'a\\*b?c*' } } });
    expect(dsl('message:Fail*')).toEqual({
      wildcard: { message: { value: 'fail*', case_insensitive: true } },
    });
  });

  it('never lets user text become query syntax or a script', () => {
    const hostile = [
      'message:"*) OR _exists_:secret OR ("',
      '"{\\"script\\": {\\"source\\": \\"1\\"}}"',
      'user.name:"root\\" OR user.name:*"',
      'user.name:__proto__',
      'labels.constructor:x',
    ];
    for (const text of hostile) {
      const json = JSON.stringify(dsl(text));
      expect(json).not.toMatch(/query_string|simple_query_string|"script"|"regexp"/);
    }
    expect(dsl('user.name:"root\\" OR user.name:*"')).toEqual({
      term: { 'user.name': { value: 'root" OR user.name:*' } },
    });
  });
});
