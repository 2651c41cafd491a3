import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

const web = 'category: webserver';
const uri = (value: string) => makeEvent({ url: { original: value } });
const regexRule = (item: string) =>
  matcherOf(compileOne(ruleWith(`    selection:\n        ${item}\n    condition: selection`, web)));

describe('re modifier (RE2, linear time)', () => {
  it('searches anywhere, case-sensitively by default', () => {
    const match = regexRule(`c-uri|re: '\\.(php|jsp)\\?cmd='`);
    expect(match(uri('/uploads/a.php?cmd=id'))).toBe(true);
    expect(match(uri('/uploads/a.PHP?cmd=id'))).toBe(false);
    expect(match(uri('/uploads/a.asp?cmd=id'))).toBe(false);
  });

  it('supports the i, m and s sub-modifiers', () => {
    expect(regexRule(`c-uri|re|i: 'union\\s+select'`)(uri('/?q=UNION  SELECT'))).toBe(true);
    const multiline = regexRule(`c-uri|re|m: '^root$'`);
    expect(multiline(uri('user\nroot\nx'))).toBe(true);
    expect(regexRule(`c-uri|re: '^root$'`)(uri('user\nroot\nx'))).toBe(false);
    expect(regexRule(`c-uri|re|s: 'a.b'`)(uri('a\nb'))).toBe(true);
    expect(regexRule(`c-uri|re: 'a.b'`)(uri('a\nb'))).toBe(false);
    // The inline (?i) flag of SigmaHQ rules works too.
    expect(regexRule(`c-uri|re: '(?i)/lib/python3\\.([5-9]|[0-9]{2})/'`)(uri('/LIB/PYTHON3.11/'))).toBe(true);
  });

  it('anchors the side named by startswith / endswith', () => {
    expect(regexRule(`c-uri|re|startswith: 'a|b'`)(uri('xb'))).toBe(false);
    expect(regexRule(`c-uri|re|startswith: 'a|b'`)(uri('bx'))).toBe(true);
    expect(regexRule(`c-uri|re|endswith: 'a|b'`)(uri('bx'))).toBe(false);
  });

  it('rejects what RE2 cannot run in linear time, naming the file, line and reason', () => {
    const result = compileTexts([
      {
        file: 'rules/web/backref.yml',
        text: ruleWith(
          `    selection:\n        c-uri|re: '(a)\\1'\n    lookahead:\n        c-uri|re: 'foo(?=bar)'\n    condition: selection or lookahead`,
          web,
        ),
      },
    ]);
    expect(result.ruleSet.rules).toEqual([]);
    expect(
      result.errors.map((error) => `${error.file}:${error.line} ${error.code}: ${error.message}`),
    ).toEqual([
      `rules/web/backref.yml:8 invalid_regex: regex /(a)\\1/ is not supported by the linear-time engine (RE2): invalid escape sequence: \`\\1\``,
      `rules/web/backref.yml:10 invalid_regex: regex /foo(?=bar)/ is not supported by the linear-time engine (RE2): invalid or unsupported Perl syntax: \`(?=\``,
    ]);
  });

  it('must come first in the modifier chain, and flags need re', () => {
    const result = compileTexts(
      ruleWith(
        `    a:\n        c-uri|contains|re: 'x'\n    b:\n        c-uri|i: 'x'\n    condition: a or b`,
        web,
      ),
    );
    expect(result.errors.map((error) => error.message)).toEqual([
      `modifier 're' must come first (found after 'contains')`,
      `modifier 'i' cannot apply to string 'x' (expects regex)`,
    ]);
  });

  // A backtracking engine (V8's RegExp) needs seconds to hours for these inputs; RE2 is linear.
  it('does not stall on catastrophic patterns against crafted lines', () => {
    const nested = regexRule(`c-uri|re: '(x+x+)+y'`);
    const anchored = regexRule(`c-uri|re: '(a+)+$'`);
    const alternation = regexRule(`c-uri|re: '^(a|a)*$'`);
    const started = performance.now();
    for (const length of [29, 30, 1_000, 10_000]) {
      expect(nested(uri('x'.repeat(length)))).toBe(false);
      expect(anchored(uri(`${'a'.repeat(length)}!`))).toBe(false);
      expect(alternation(uri(`${'a'.repeat(length)}!`))).toBe(false);
    }
    // Generous bound for a noisy 2-core machine: V8 alone needs > 1 s for the 29-character line.
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
