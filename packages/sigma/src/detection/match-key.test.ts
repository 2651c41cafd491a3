import type { CompiledRule, MatchKey } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { compileOne, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

function keyOfRule(rule: CompiledRule): MatchKey | undefined {
  return 'matchKey' in rule ? rule.matchKey : undefined;
}

/** Events of shapes the schema does not promise (a scalar category, nested lists). */
const loose = (fields: Record<string, unknown>): VigilEvent => makeEvent(fields);

/** What routing by key decides: may the rule match this event at all? */
function admits(key: MatchKey, event: VigilEvent): boolean {
  const keys = key.keysOf(event);
  const list = keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys;
  return list.some((k) => key.values.includes(k));
}

describe('match keys of compiled detections', () => {
  it('keys a rule on a plain equality item, preferring a field other than event.dataset', () => {
    const rule = compileOne(
      ruleWith(`  selection:
    event.dataset: system.auth
    process.name: SUDO
  condition: selection`),
    );
    expect(keyOfRule(rule)?.values).toEqual(['sudo']);
    const key = keyOfRule(rule);
    if (key === undefined) throw new Error('no key');
    expect(key.keysOf(makeEvent({ process: { name: 'Sudo' } }))).toBe('sudo');
    expect(key.keysOf(makeEvent({ event: { category: ['a', 'B'] } }))).toBeUndefined();
  });

  it('gives no key where an item is not a plain case-insensitive equality, or the condition is an OR or NOT', () => {
    const none = [
      `  selection:\n    process.name|contains: sud\n  condition: selection`,
      `  selection:\n    process.name: sud*\n  condition: selection`,
      `  selection:\n    destination.port: 22\n  condition: selection`,
      `  a:\n    process.name: sudo\n  b:\n    user.name: root\n  condition: a or b`,
      `  a:\n    process.name: sudo\n  condition: not a`,
    ];
    for (const body of none) expect(keyOfRule(compileOne(ruleWith(body)))).toBeUndefined();
  });

  it('keys AND conditions, filters included, and never rules out an event the rule matches', () => {
    const rule = compileOne(
      ruleWith(`  selection:
    event.dataset: system.auth
    event.category:
      - Authentication
      - iam
      - session
  filter:
    user.name: root
  condition: selection and not filter`),
    );
    const key = keyOfRule(rule);
    expect(key?.values).toEqual(['authentication', 'iam', 'session']);
    if (key === undefined) throw new Error('no key');
    const match = matcherOf(rule);
    const events = [
      makeEvent({ event: { category: ['AUTHENTICATION'] } }),
      makeEvent({ event: { category: ['network', 'iam'] } }),
      makeEvent({ event: { category: ['network'] } }),
      makeEvent({ event: { category: ['iam'] }, user: { name: 'root' } }),
      loose({ event: { category: 'session' } }),
      loose({ event: { category: [['iam']] } }),
    ];
    expect(events.map((e) => match(e))).toEqual([true, true, false, false, true, false]);
    for (const event of events) if (match(event)) expect(admits(key, event)).toBe(true);
  });
});
