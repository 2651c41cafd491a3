import { describe, expect, it } from 'vitest';
import { formatRuleIssue } from '../issues/rule-issue.js';
import { compileTexts, makeEvent, matcherOf } from '../test-support/rule-fixtures.js';

const good = `title: Good rule
id: 00000000-0000-0000-0000-000000000001
level: medium
logsource:
    product: linux
    service: sshd
detection:
    keywords:
        - 'Corrupted MAC on input'
    condition: keywords
`;

const brokenCondition = `title: Broken condition
id: 00000000-0000-0000-0000-000000000002
level: high
logsource:
    product: linux
    service: auth
detection:
    selection:
        user.name: root
    condition: selection and not filter
`;

const brokenField = `title: Unknown field
id: 00000000-0000-0000-0000-000000000003
level: high
logsource:
    category: firewall
detection:
    selection:
        dst_port: 22
        blocked: 'false'
    condition: selection
`;

const brokenYaml = `title: Bad YAML
id: 00000000-0000-0000-0000-000000000004
detection:
    selection:
        user.name: [root
    condition: selection
`;

describe('compileRuleSources', () => {
  it('reports every broken rule with its file and line, and still loads the good ones', () => {
    const result = compileTexts([
      { file: 'rules/good.yml', text: good },
      { file: 'rules/condition.yml', text: brokenCondition },
      { file: 'rules/field.yml', text: brokenField },
      { file: 'rules/yaml.yml', text: brokenYaml },
    ]);
    expect(result.ruleSet.rules.map((rule) => rule.meta.id)).toEqual([
      '00000000-0000-0000-0000-000000000001',
    ]);
    expect(result.errors.map((error) => `${error.file}:${error.line} ${error.code}`)).toEqual([
      'rules/yaml.yml:6 yaml_syntax',
      'rules/condition.yml:10 undefined_identifier',
      'rules/field.yml:9 unsupported_field',
    ]);
    expect(result.errors.map(formatRuleIssue)).toContain(
      `rules/condition.yml:10:16: error: condition refers to 'filter' (column 19), which the detection does not define [undefined_identifier]`,
    );
    expect(result.errors.find((error) => error.code === 'unsupported_field')?.rule).toBe(
      '00000000-0000-0000-0000-000000000003',
    );
    expect(result.stats).toEqual({ files: 4, documents: 3, loaded: 1, failed: 3 });
  });

  it('collects several errors of one rule at once', () => {
    const result = compileTexts(`title: ''
id: 00000000-0000-0000-0000-000000000005
level: severe
logsource:
    category: webserver
detection:
    a:
        c-uri|nope: x
    b:
        Image: x
    condition: a or b or c
`);
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [1, 'missing_title'],
      [3, 'invalid_level'],
      [8, 'unknown_modifier'],
      [11, 'undefined_identifier'],
    ]);
  });

  it('rejects logsources Vigil does not ingest', () => {
    const result = compileTexts(good.replace('service: sshd', 'category: process_creation'));
    expect(result.errors.map(formatRuleIssue)).toEqual([
      'rule.yml:4:1: error: Vigil ingests no logs for logsource category=process_creation product=linux (rules/mappings/logsources.yml) [unsupported_logsource]',
    ]);
  });

  it('maps the logsource to datasets and Sigma fields to ECS', () => {
    const result = compileTexts(brokenField.replace("        blocked: 'false'\n", ''));
    const [rule] = result.ruleSet.rules;
    expect(rule?.type).toBe('signature');
    if (rule?.type !== 'signature') return;
    expect(rule.datasets).toEqual(['iptables.log']);
    expect(rule.generate).toBe(true);
    expect(rule.meta).toMatchObject({
      title: 'Unknown field',
      level: 'high',
      source: { file: 'rule.yml', line: 1 },
    });
    expect(matcherOf(rule)(makeEvent({ destination: { port: 22 } }))).toBe(true);
  });

  it('rejects duplicate ids and names, pointing at the first', () => {
    const second = good.replace('title: Good rule', 'title: Copy');
    const result = compileTexts([
      { file: 'a.yml', text: good },
      {
        file: 'b.yml',
        text: `${second}---\n${good.replace(/id: .*/, 'id: 00000000-0000-0000-0000-00000000000a\nname: n1')}---\n${good.replace(/id: .*/, 'id: 00000000-0000-0000-0000-00000000000b\nname: n1')}`,
      },
    ]);
    expect(
      result.errors.map((error) => `${error.file}:${error.line} ${error.code}: ${error.message}`),
    ).toEqual([
      `b.yml:2 duplicate_id: id '00000000-0000-0000-0000-000000000001' is already used by the rule at a.yml:1`,
      `b.yml:26 duplicate_name: name 'n1' is already used by the rule at b.yml:12`,
    ]);
    expect(result.ruleSet.rules).toHaveLength(2);
  });

  it('rejects Sigma 1.0 action documents and non-rules', () => {
    const result = compileTexts(`action: global\ntitle: x\n---\ntitle: nothing here\n`);
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([
      [1, 'unsupported_action'],
      [4, 'invalid_structure'],
    ]);
  });

  it('warns about unused search identifiers and a missing level', () => {
    const result = compileTexts(
      good
        .replace('level: medium\n', '')
        .replace('    condition: keywords', "    unused:\n        - 'x'\n    condition: keywords"),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((warning) => [warning.line, warning.code])).toEqual([
      [9, 'unused_identifier'],
      [1, 'missing_level'],
    ]);
    expect(result.ruleSet.rules[0]?.meta.level).toBe('medium');
  });

  it('gives a stable version that changes with the logic only', () => {
    const version = (text: string) => compileTexts(text).ruleSet.rules[0]?.meta.version;
    const base = version(good);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(
      version(good.replace('title: Good rule', 'title: Renamed\ndescription: words\nmodified: 2025-01-01')),
    ).toBe(base);
    expect(version(good.replace('Corrupted MAC', 'Corrupted mac'))).not.toBe(base);
    expect(version(good.replace('service: sshd', 'service: syslog'))).not.toBe(base);
  });
});
