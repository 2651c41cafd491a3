import { describe, expect, it } from 'vitest';
import { compileLiteralSet, literalShape } from './literal-set-matcher.js';
import { parseSigmaString } from './sigma-string.js';

describe('literal sets', () => {
  it('recognizes one-literal shapes only', () => {
    expect(literalShape(parseSigmaString('abc'))).toEqual({ shape: 'equals', literal: 'abc' });
    expect(literalShape(parseSigmaString('*a.c*'))).toEqual({ shape: 'contains', literal: 'a.c' });
    expect(literalShape(parseSigmaString('ab*'))).toEqual({ shape: 'startswith', literal: 'ab' });
    expect(literalShape(parseSigmaString('*ab'))).toEqual({ shape: 'endswith', literal: 'ab' });
    expect(literalShape(parseSigmaString('a*b'))).toBeUndefined();
    expect(literalShape(parseSigmaString('*a?b*'))).toBeUndefined();
  });

  it('matches any literal, with regex metacharacters taken literally', () => {
    const contains = compileLiteralSet('contains', ['a.b', '(x|y)', '[z]', 'c\\d', '^$', 'q+']);
    expect(contains('--a.b--')).toBe(true);
    expect(contains('--axb--')).toBe(false);
    expect(contains('(x|y)')).toBe(true);
    expect(contains('x')).toBe(false);
    expect(contains('c\\d')).toBe(true);
    expect(contains('c1')).toBe(false);
    expect(contains('a^$')).toBe(true);
    expect(contains('qq')).toBe(false);
    const starts = compileLiteralSet('startswith', ['/admin', '/wp-']);
    expect(starts('/wp-login.php')).toBe(true);
    expect(starts('/x/wp-login.php')).toBe(false);
    const ends = compileLiteralSet('endswith', ['.php', '.jsp']);
    expect(ends('/a.jsp')).toBe(true);
    expect(ends('/a.jsp?x')).toBe(false);
    const equals = compileLiteralSet('equals', ['root', 'admin']);
    expect(equals('root')).toBe(true);
    expect(equals('roots')).toBe(false);
  });
});
