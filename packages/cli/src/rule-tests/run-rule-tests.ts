import { relative } from 'node:path';
import type { RuleSet } from '@vigil/rule-engine';
import { findRuleTestFiles, readRuleTestFile } from './read-rule-test-files.js';
import { findRule, runRuleTestCase } from './run-rule-test-case.js';

export interface RuleTestCaseReport {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly name: string;
  readonly ok: boolean;
  readonly problems: readonly string[];
}

/** Every `*.tests.yml` under `dir`, each case run against the whole rule set. */
export async function runRuleTests(
  dir: string,
  ruleSet: RuleSet,
  cwd: string,
): Promise<RuleTestCaseReport[]> {
  const reports: RuleTestCaseReport[] = [];
  for (const path of await findRuleTestFiles(dir)) {
    const file = relative(cwd, path);
    const loaded = await readRuleTestFile(path);
    if (Array.isArray(loaded)) {
      for (const error of loaded) {
        reports.push({
          file,
          line: error.line,
          rule: '?',
          name: '(test file)',
          ok: false,
          problems: [error.message],
        });
      }
      continue;
    }
    const target = findRule(ruleSet, loaded.spec.rule);
    loaded.spec.cases.forEach((testCase, i) => {
      const line = loaded.caseLines[i] ?? 1;
      if (target === undefined) {
        reports.push({
          file,
          line,
          rule: loaded.spec.rule,
          name: testCase.name,
          ok: false,
          problems: [`no loaded rule has the name or id ${loaded.spec.rule}`],
        });
        return;
      }
      const result = runRuleTestCase(ruleSet, target, testCase);
      reports.push({
        file,
        line,
        rule: loaded.spec.rule,
        name: testCase.name,
        ok: result.ok,
        problems: result.problems,
      });
    });
  }
  return reports;
}
