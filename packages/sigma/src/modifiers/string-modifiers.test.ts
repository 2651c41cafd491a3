import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

const web = 'category: webserver';
const uri = (value: string) => makeEvent({ url: { original: value } });
const one = (item: string) =>
  matcherOf(compileOne(ruleWith(`    selection:\n        ${item}\n    condition: selection`, web)));

describe('string modifiers', () => {
  it('contains / startswith / endswith put wildcards around the value', () => {
    expect(one(`c-uri|contains: '/etc/passwd'`)(uri('/x?f=../../ETC/PASSWD'))).toBe(true);
    expect(one(`c-uri|contains: '/etc/passwd'`)(uri('/etc/shadow'))).toBe(false);
    expect(one(`c-uri|startswith: '/wp-admin'`)(uri('/WP-ADMIN/x.php'))).toBe(true);
    expect(one(`c-uri|startswith: '/wp-admin'`)(uri('/x/wp-admin'))).toBe(false);
    expect(one(`c-uri|endswith: '.env'`)(uri('/app/.env'))).toBe(true);
    expect(one(`c-uri|endswith: '.env'`)(uri('/app/.env.bak'))).toBe(false);
    // Wildcards inside the value keep working under the modifier.
    expect(one(`c-uri|contains: 'select*from'`)(uri('/q?id=1 union SELECT a FROM b'))).toBe(true);
  });

  it('numbers under a string modifier match as text', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        dst_port|startswith: 80\n    condition: selection`,
          'category: firewall',
        ),
      ),
    );
    expect(match(makeEvent({ destination: { port: 8080 } }))).toBe(true);
    expect(match(makeEvent({ destination: { port: 443 } }))).toBe(false);
  });

  it('all ANDs the values of a list', () => {
    const match = one(`c-uri|contains|all:\n            - 'cmd='\n            - 'whoami'`);
    expect(match(uri('/shell.php?cmd=whoami'))).toBe(true);
    expect(match(uri('/shell.php?cmd=id'))).toBe(false);
  });

  it('cased makes matching case-sensitive', () => {
    const match = one(`cs-method|cased: 'GET'`);
    expect(match(makeEvent({ http: { request: { method: 'GET' } } }))).toBe(true);
    expect(match(makeEvent({ http: { request: { method: 'get' } } }))).toBe(false);
    const contains = one(`c-uri|contains|cased: 'Admin'`);
    expect(contains(uri('/Admin/'))).toBe(true);
    expect(contains(uri('/admin/'))).toBe(false);
  });

  it('neq matches when the field is none of the values', () => {
    const match = one(`cs-method|neq:\n            - GET\n            - HEAD`);
    expect(match(makeEvent({ http: { request: { method: 'POST' } } }))).toBe(true);
    expect(match(makeEvent({ http: { request: { method: 'get' } } }))).toBe(false);
  });

  it('warns about all on a single value', () => {
    const result = compileTexts(
      ruleWith(`    selection:\n        c-uri|contains|all: 'x'\n    condition: selection`, web),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => warning.message)).toContain(
      `'all' on a single value has no effect (Sigma disallows it; use another selection)`,
    );
  });

  it('rejects unknown and Windows-only modifiers with file and line', () => {
    const result = compileTexts(
      ruleWith(
        `    selection:\n        c-uri|contain: 'x'\n    other:\n        c-uri|windash: '-x'\n    condition: selection or other`,
        web,
      ),
    );
    expect(result.ruleSet.rules).toEqual([]);
    expect(result.errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['unknown_modifier', 8, `unknown modifier 'contain'`],
      [
        'unsupported_modifier',
        10,
        `modifier 'windash' is not supported: it exists for Windows command lines and UTF-16 event data, which Vigil does not ingest`,
      ],
    ]);
  });

  it('rejects modifiers applied to the wrong type', () => {
    const result = compileTexts(
      ruleWith(`    selection:\n        c-uri|contains: true\n    condition: selection`, web),
    );
    expect(result.errors[0]?.message).toBe(
      `modifier 'contains' cannot apply to bool true (expects string or regex or fieldref)`,
    );
  });
});
