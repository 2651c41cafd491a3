import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

const rule = (items: string, logsource = 'category: webserver') =>
  matcherOf(compileOne(ruleWith(`    selection:\n        ${items}\n    condition: selection`, logsource)));
const status = (code: unknown) => makeEvent({ http: { response: { status_code: code } } } as never);

describe('numeric comparison modifiers', () => {
  it('lt / lte / gt / gte compare numbers and numeric strings', () => {
    expect(rule('sc-status|gte: 500')(status(503))).toBe(true);
    expect(rule('sc-status|gte: 500')(status(500))).toBe(true);
    expect(rule('sc-status|gt: 500')(status(500))).toBe(false);
    expect(rule('sc-status|lt: 400')(status('302'))).toBe(true);
    expect(rule('sc-status|lte: 399')(status(400))).toBe(false);
    expect(rule('sc-status|lt: 400')(status('abc'))).toBe(false);
    expect(rule('sc-status|lt: 400')(makeEvent({}))).toBe(false);
  });

  it('combine into a range with two items of one selection', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    low:\n        sc-status|gte: 400\n    high:\n        sc-status|lt: 500\n    condition: low and high`,
          'category: webserver',
        ),
      ),
    );
    expect(match(status(404))).toBe(true);
    expect(match(status(500))).toBe(false);
  });

  it('need a number', () => {
    const result = compileTexts(
      ruleWith(
        `    selection:\n        sc-status|gt: 'many'\n    condition: selection`,
        'category: webserver',
      ),
    );
    expect(result.errors[0]?.message).toBe(`modifier 'gt' needs a number, got 'many'`);
  });
});

describe('time modifiers', () => {
  it('compare one UTC part of a date field', () => {
    const night = rule(
      `'@timestamp|hour':\n            - 0\n            - 1\n            - 2`,
      'product: linux',
    );
    expect(night(makeEvent({ '@timestamp': '2025-03-01T01:30:00.000Z' }))).toBe(true);
    expect(night(makeEvent({ '@timestamp': '2025-03-01T01:30:00.000+02:00' }))).toBe(false);
    expect(night(makeEvent({ '@timestamp': '2025-03-01T10:00:00.000Z' }))).toBe(false);
    expect(rule(`'@timestamp|month': 3`, 'product: linux')(makeEvent({}))).toBe(true);
    expect(rule(`'@timestamp|day': 1`, 'product: linux')(makeEvent({}))).toBe(true);
    expect(rule(`'@timestamp|year': 2025`, 'product: linux')(makeEvent({}))).toBe(true);
    expect(rule(`'@timestamp|minute': 0`, 'product: linux')(makeEvent({}))).toBe(true);
    // 2025-03-01 is in ISO week 9.
    expect(rule(`'@timestamp|week': 9`, 'product: linux')(makeEvent({}))).toBe(true);
  });

  it('reject out-of-range values', () => {
    const result = compileTexts(
      ruleWith(`    selection:\n        '@timestamp|hour': 24\n    condition: selection`, 'product: linux'),
    );
    expect(result.errors[0]?.message).toBe(`modifier 'hour' needs an integer from 0 to 23, got 24`);
  });
});
