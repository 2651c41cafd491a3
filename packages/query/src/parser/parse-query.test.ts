import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';

function ast(text: string): unknown {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function problem(text: string): { message: string; position?: number } {
  const result = parseQuery(text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.problem;
}

const word = (text: string, position: number) => ({
  text,
  quoted: false,
  parts: [{ literal: text }],
  position,
});

describe('parseQuery', () => {
  it('parses field:value, free text and phrases', () => {
    expect(ast('user.name:root')).toEqual({
      kind: 'match',
      field: 'user.name',
      value: word('root', 10),
      position: 0,
    });
    expect(ast('"failed password"')).toMatchObject({
      kind: 'match',
      field: null,
      value: { text: 'failed password', quoted: true },
    });
    expect(ast('')).toEqual({ kind: 'all' });
    expect(ast('   ')).toEqual({ kind: 'all' });
  });

  it('gives NOT > AND > OR precedence, with implicit AND', () => {
    expect(ast('a or b and not c')).toMatchObject({
      kind: 'or',
      children: [
        { kind: 'match' },
        { kind: 'and', children: [{ kind: 'match' }, { kind: 'not', child: { kind: 'match' } }] },
      ],
    });
    expect(ast('a b')).toMatchObject({
      kind: 'and',
      children: [{ value: { text: 'a' } }, { value: { text: 'b' } }],
    });
    expect(ast('(a or b) c')).toMatchObject({ kind: 'and', children: [{ kind: 'or' }, { kind: 'match' }] });
  });

  it('takes operators in any case', () => {
    expect(ast('a AND b')).toEqual(ast('a and b'));
    expect(ast('a Or b')).toEqual(ast('a or b'));
    expect(ast('NOT a')).toEqual(ast('not a'));
  });

  it('parses value groups, existence and ranges', () => {
    expect(ast('user.name:(root or admin)')).toMatchObject({
      kind: 'or',
      children: [
        { kind: 'match', field: 'user.name', value: { text: 'root' } },
        { kind: 'match', field: 'user.name', value: { text: 'admin' } },
      ],
    });
    expect(ast('user.name:*')).toEqual({ kind: 'exists', field: 'user.name', position: 0 });
    expect(ast('source.port >= 1024')).toMatchObject({
      kind: 'range',
      field: 'source.port',
      op: 'gte',
      value: { text: '1024' },
    });
    expect(ast('@timestamp<2024-01-01T10:00:00Z')).toMatchObject({
      kind: 'range',
      op: 'lt',
      value: { text: '2024-01-01T10:00:00Z' },
    });
    expect(ast('source.ip:fe80::1')).toMatchObject({ field: 'source.ip', value: { text: 'fe80::1' } });
  });

  it('keeps wildcards apart from escaped literals', () => {
    expect(ast('user.name:ad*m?n')).toMatchObject({
      value: {
        parts: [{ literal: 'ad' }, { wildcard: '*' }, { literal: 'm' }, { wildcard: '?' }, { literal: 'n' }],
      },
    });
    expect(ast('user.name:a\\*b')).toMatchObject({ value: { parts: [{ literal: 'a*b' }] } });
    expect(ast('user.name:"a*b"')).toMatchObject({ value: { quoted: true, parts: [{ literal: 'a*b' }] } });
    expect(ast('message:"say \\"hi\\""')).toMatchObject({ value: { text: 'say "hi"' } });
    expect(ast('user.name:\\and')).toMatchObject({ value: { text: 'and' } });
  });

  it('reports errors with their position', () => {
    expect(problem('user.name:(root or')).toEqual({
      message: `expected a value for 'user.name' but found end of query (at position 18)`,
      position: 18,
    });
    expect(problem('a and')).toMatchObject({ position: 5 });
    expect(problem('(a or b')).toMatchObject({
      message: expect.stringContaining(`to close the '(' at position 0`) as string,
    });
    expect(problem('a or b)')).toMatchObject({ message: `unbalanced ')' (at position 6)`, position: 6 });
    expect(problem('"open phrase')).toMatchObject({ message: 'unterminated quoted phrase (at position 0)' });
    expect(problem('x = 1')).toMatchObject({ position: 2 });
    expect(problem('and a')).toMatchObject({ message: `expected a term but found 'and' (at position 0)` });
    expect(problem('1bad:x')).toMatchObject({ message: `'1bad' is not a valid field name (at position 0)` });
    expect(problem('port >= 1*')).toMatchObject({
      message: expect.stringContaining('wildcards are not allowed') as string,
    });
    expect(problem('()')).toMatchObject({ message: 'empty parentheses (at position 0)' });
    expect(problem('user.name(root)')).toMatchObject({ position: 9 });
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(problem(`${'('.repeat(200)}a${')'.repeat(200)}`).message).toMatch(/nested more than 64/);
    expect(problem('not '.repeat(100) + 'a').message).toMatch(/nested more than 64/);
    expect(problem('a'.repeat(9000)).message).toMatch(/longer than/);
  });

  it('never throws, whatever the input', () => {
    const alphabet = fc.constantFrom(
      'a',
      'b',
      ':',
      '(',
      ')',
      '"',
      '\\',
      '*',
      '?',
      ' ',
      '<',
      '>',
      '=',
      'and',
      'or',
      'not',
      '.',
      '1',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (pieces) => {
        const result = parseQuery(pieces.join(''));
        if (!result.ok) expect(result.problem.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });
});
