import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '@vigil/sigma';
import { defaultRulesDir } from '@vigil/sigma';
import { runRuleTests, type RuleTestCaseReport } from './run-rule-tests.js';

// The starter pack's own match / no-match cases (rules/**/*.tests.yml), through parser and engine.
let pack: RulePack;
let reports: RuleTestCaseReport[];

beforeAll(async () => {
  pack = await loadRulePack([], process.cwd());
  reports = await runRuleTests(defaultRulesDir(), pack.result.ruleSet, process.cwd());
});

describe('the starter rule pack', () => {
  it('loads without errors or warnings', () => {
    expect(pack.report).toEqual([]);
    expect(pack.result.ruleSet.rules.length).toBeGreaterThanOrEqual(20);
  });

  it('has match and no-match cases for every alerting rule', () => {
    const alerting = pack.result.ruleSet.rules.filter((rule) => rule.generate);
    const tested = new Set(reports.map((r) => r.rule));
    const untested = alerting.filter(
      (rule) => !tested.has(rule.meta.name ?? '') && !tested.has(rule.meta.id),
    );
    expect(untested.map((rule) => rule.meta.name ?? rule.meta.id)).toEqual([]);
    for (const name of tested) {
      const cases = reports.filter((r) => r.rule === name);
      expect(cases.length, `${name} needs a match and a no-match case`).toBeGreaterThanOrEqual(2);
    }
  });

  it('passes every case', () => {
    const failed = reports
      .filter((r) => !r.ok)
      .map((r) => `${r.file}:${r.line} ${r.name}: ${r.problems.join('; ')}`);
    expect(failed).toEqual([]);
    expect(reports.length).toBeGreaterThanOrEqual(40);
  });
});
