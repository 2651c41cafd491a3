import type { AbsenceRule, DetectionRule, NewTermsRule } from '@vigil/rule-engine';
import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent } from '../test-support/rule-fixtures.js';

const base = (extension: string) => `title: SSH login
id: 55555555-0000-0000-0000-000000000001
level: low
logsource: {product: linux, service: sshd}
detection:
    selection: {event.outcome: success}
    condition: selection
${extension}`;

describe('Vigil extensions', () => {
  it('vigil.suppress: one alert per group per window', () => {
    const rule = compileOne(
      base('vigil:\n    suppress:\n        group-by: [User, src_ip]\n        timespan: 10m\n'),
    ) as DetectionRule;
    expect(rule.type).toBe('signature');
    expect(rule.suppress?.windowMs).toBe(600_000);
    expect(rule.suppress?.groupBy.names).toEqual(['user.name', 'source.ip']);
    expect(
      rule.suppress?.groupBy.valuesOf(
        rule.meta.id,
        makeEvent({ user: { name: 'bob' }, source: { ip: '1.2.3.4' } }),
      ),
    ).toEqual(['bob', '1.2.3.4']);
  });

  it('vigil.absence turns a detection rule into an absence rule', () => {
    const rule = compileOne(
      base('vigil:\n    absence:\n        group-by: [host.hostname]\n        timespan: 15m\n'),
    ) as AbsenceRule;
    expect(rule.type).toBe('absence');
    expect(rule.timespanMs).toBe(900_000);
    expect(rule.datasets).toEqual(['system.auth']);
    expect(rule.groupBy.names).toEqual(['host.hostname']);
    expect(rule.match(makeEvent({ event: { outcome: 'success' } } as never))).toBe(true);
  });

  it('vigil.new_terms: first value of fields per group within the history', () => {
    const rule = compileOne(
      base(
        'vigil:\n    new_terms:\n        fields: [src_ip]\n        group-by: [User]\n        history: 7d\n',
      ),
    ) as NewTermsRule;
    expect(rule.type).toBe('new_terms');
    expect(rule.historyMs).toBe(7 * 86_400_000);
    expect(rule.fields).toEqual(['source.ip']);
    expect(rule.groupBy.names).toEqual(['user.name']);
    expect(rule.valuesOf(makeEvent({ source: { ip: '203.0.113.5' } }))).toEqual(['203.0.113.5']);
  });

  it('reports invalid extensions with their line', () => {
    const result = compileTexts(
      base('vigil:\n    suppress:\n        group-by: [NoSuchField]\n        timespan: 10x\n    unknown: 1\n'),
    );
    expect(result.errors.map((error) => `${error.line} ${error.code}`)).toEqual(['12 invalid_extension']);
    const second = compileTexts(
      base('vigil:\n    suppress:\n        group-by: [NoSuchField]\n        timespan: 10x\n'),
    );
    expect(second.errors.map((error) => `${error.line} ${error.code}`)).toEqual([
      '10 unsupported_field',
      '11 invalid_timespan',
    ]);
    const both = compileTexts(
      base(
        'vigil:\n    absence: {group-by: [host.hostname], timespan: 5m}\n    new_terms: {fields: [src_ip], history: 1d}\n',
      ),
    );
    expect(both.errors.map((error) => error.message)).toEqual([
      'a rule is either an absence rule or a new-terms rule, not both',
    ]);
  });
});

describe('Sigma filters', () => {
  const rule = `title: Root login
id: 66666666-0000-0000-0000-000000000001
name: root_login
level: high
logsource: {product: linux, service: sshd}
detection:
    selection: {User: root}
    condition: selection
`;
  const filter = (rules: string) => `title: Jump hosts may log in as root
logsource: {product: linux}
filter:
    rules: ${rules}
    jump_hosts:
        src_ip|cidr: 10.1.0.0/16
    condition: not jump_hosts
`;

  it('ANDs the filter condition to the rules it names (by id, name or any)', () => {
    for (const target of ['root_login', '66666666-0000-0000-0000-000000000001', 'any']) {
      const result = compileTexts(`${rule}---\n${filter(target)}`);
      expect(result.errors).toEqual([]);
      const [compiled] = result.ruleSet.rules as DetectionRule[];
      expect(compiled?.match(makeEvent({ user: { name: 'root' }, source: { ip: '198.51.100.7' } }))).toBe(
        true,
      );
      expect(compiled?.match(makeEvent({ user: { name: 'root' }, source: { ip: '10.1.4.4' } }))).toBe(false);
    }
  });

  it('leaves other rules and other logsources alone, and changes the version of filtered rules', () => {
    const plain = compileTexts(rule).ruleSet.rules[0]?.meta.version;
    const other = compileTexts(`${rule}---\n${filter('[some_other_rule]')}`);
    expect(other.ruleSet.rules[0]?.meta.version).toBe(plain);
    expect(other.warnings.map((warning) => warning.code)).toEqual(['unreferenced_filter']);
    const filtered = compileTexts(`${rule}---\n${filter('any')}`);
    expect(filtered.ruleSet.rules[0]?.meta.version).not.toBe(plain);
    const webOnly = compileTexts(
      `${rule}---\n${filter('any').replace('product: linux', 'category: webserver')}`,
    );
    expect(webOnly.ruleSet.rules[0]?.meta.version).toBe(plain);
  });
});
