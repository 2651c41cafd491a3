import type { VigilEvent } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import type { ConditionNode } from './condition-ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { parseCondition } from './condition.parser.js';
import { compileCondition } from './compile-condition.js';

/** Compact text form of an AST, to compare structure. */
function show(node: ConditionNode): string {
  switch (node.type) {
    case 'ref':
      return node.name;
    case 'of':
      return `${node.quantifier}(${node.pattern})`;
    case 'not':
      return `not(${show(node.operand)})`;
    default:
      return `${node.type}(${node.operands.map(show).join(', ')})`;
  }
}

const parse = (text: string) => show(parseCondition(text).node);

/** Evaluates a condition with identifiers that are constant true/false. */
function evaluate(condition: string, values: Record<string, boolean>): boolean {
  const identifiers = new Map(Object.entries(values).map(([name, value]) => [name, () => value] as const));
  return compileCondition(parseCondition(condition).node, identifiers)({} as VigilEvent);
}

describe('parseCondition', () => {
  it('binds not tighter than and, and tighter than or', () => {
    expect(parse('a or b and not c')).toBe('or(a, and(b, not(c)))');
    expect(parse('not a and b')).toBe('and(not(a), b)');
    expect(parse('a and b or c and d')).toBe('or(and(a, b), and(c, d))');
    expect(parse('not not a')).toBe('not(not(a))');
  });

  it('flattens chains and honours parentheses', () => {
    expect(parse('a and b and c')).toBe('and(a, b, c)');
    expect(parse('(a or b) and c')).toBe('and(or(a, b), c)');
    expect(parse('a and (b or (c and not d))')).toBe('and(a, or(b, and(c, not(d))))');
  });

  it('parses x-of selectors with 1, any, all and them', () => {
    expect(parse('1 of selection*')).toBe('any(selection*)');
    expect(parse('any of sel_*')).toBe('any(sel_*)');
    expect(parse('all of them')).toBe('all(them)');
    expect(parse('1 of them and not 1 of filter*')).toBe('and(any(them), not(any(filter*)))');
    expect(parse('selection and not 1 of filter_main_*')).toBe('and(selection, not(any(filter_main_*)))');
  });

  it('accepts operators in any case and identifiers with - and .', () => {
    expect(parse('sel-1 AND NOT sel.2')).toBe('and(sel-1, not(sel.2))');
  });

  it('reports syntax errors with their column', () => {
    const cases: [string, RegExp][] = [
      ['a and', /expected a search identifier, found end of condition at column 6/],
      ['(a or b', /expected '\)', found end of condition/],
      ['a b', /unexpected 'b' at column 3/],
      ['sel*', /wildcard identifier 'sel\*' needs '1 of'/],
      ['a & b', /unexpected character '&' at column 3/],
      ['1 of', /expected a search identifier pattern or 'them'/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseCondition(text), text).toThrow(ConditionSyntaxError);
      expect(() => parseCondition(text), text).toThrow(message);
    }
  });

  it('stops at a legacy aggregation pipe', () => {
    const { node, rest } = parseCondition('selection | count() by src_ip > 10');
    expect(show(node)).toBe('selection');
    expect(rest?.position).toBe(10);
  });
});

describe('compileCondition', () => {
  it('evaluates precedence the way it parses', () => {
    expect(evaluate('a or b and c', { a: true, b: false, c: false })).toBe(true);
    expect(evaluate('(a or b) and c', { a: true, b: false, c: false })).toBe(false);
    expect(evaluate('not a and b', { a: false, b: true })).toBe(true);
    expect(evaluate('not (a and b)', { a: true, b: false })).toBe(true);
  });

  it('expands 1 of / all of over matching identifiers, skipping _hidden ones for them', () => {
    const values = { selection_a: false, selection_b: true, filter: false, _helper: false };
    expect(evaluate('1 of selection_*', values)).toBe(true);
    expect(evaluate('all of selection_*', values)).toBe(false);
    expect(evaluate('1 of them', values)).toBe(true);
    expect(evaluate('all of them', { a: true, b: true, _hidden: false })).toBe(true);
    expect(evaluate('1 of _h*', { a: false, _hidden: true })).toBe(true);
    // Wildcards in the middle of a pattern; the whole name must match.
    expect(evaluate('1 of sel*_b', values)).toBe(true);
    expect(evaluate('all of sel*a', { sel_a: true, sel_ab: false })).toBe(true);
  });

  it('rejects undefined identifiers and empty patterns', () => {
    expect(() => evaluate('a and missing', { a: true })).toThrow(
      /'missing' \(column 7\), which the detection does not define/,
    );
    expect(() => evaluate('1 of filter*', { a: true })).toThrow(/matches no search identifier/);
  });

  it('records which identifiers the condition uses', () => {
    const used = new Set<string>();
    const identifiers = new Map([
      ['a', () => true],
      ['b', () => true],
      ['c', () => true],
    ]);
    compileCondition(parseCondition('a or 1 of b*').node, identifiers, used);
    expect([...used].sort()).toEqual(['a', 'b']);
  });
});
