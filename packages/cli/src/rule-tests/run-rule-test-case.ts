import { createLineParser } from '@vigil/parsers';
import { createEngine, type CompiledRule, type RuleSet } from '@vigil/rule-engine';
import type { Alert } from '@vigil/schema';
import type { ExpectedAlert, RuleTestCase } from './rule-test-file.schema.js';

export interface RuleTestResult {
  readonly ok: boolean;
  /** Why it failed, for people. */
  readonly problems: readonly string[];
  readonly alerts: readonly Alert[];
}

export function findRule(ruleSet: RuleSet, ref: string): CompiledRule | undefined {
  return ruleSet.rules.find((rule) => rule.meta.id === ref || rule.meta.name === ref);
}

/**
 * Runs one case the way production runs: every line through the parser, every event through the
 * whole rule set on event time, then compares the target rule's alerts with the expectation.
 * Other rules may fire too; only the target's alerts are checked.
 */
export function runRuleTestCase(
  ruleSet: RuleSet,
  target: CompiledRule,
  testCase: RuleTestCase,
): RuleTestResult {
  const problems: string[] = [];
  const parser = createLineParser({
    ...(testCase.year === undefined ? {} : { year: testCase.year }),
    ...(testCase.timezone === undefined ? {} : { timezone: testCase.timezone }),
  });
  const engine = createEngine(ruleSet);
  const alerts: Alert[] = [];
  const take = (outputs: ReturnType<typeof engine.push>): void => {
    for (const output of outputs) {
      if (output.kind === 'alert' && output.alert.rule.id === target.meta.id) alerts.push(output.alert);
      else if (output.kind === 'late')
        problems.push(`event ${output.event.event.id} arrived late; order the lines by time`);
      else if (output.kind === 'rule_error') problems.push(`rule ${output.ruleId} failed: ${output.message}`);
    }
  };
  const lines = testCase.lines.split('\n').filter((line) => line.trim().length > 0);
  lines.forEach((line, i) => {
    const outcome = parser.parse(line);
    if (!outcome.ok) problems.push(`line ${i + 1} did not parse (${outcome.code}: ${outcome.reason})`);
    else for (const event of outcome.events) take(engine.push(event));
  });
  take(engine.flush());

  if (alerts.length !== testCase.expect.length) {
    problems.push(`expected ${testCase.expect.length} alert(s), got ${alerts.length}${describe(alerts)}`);
  } else {
    testCase.expect.forEach((expected, i) => {
      const alert = alerts[i];
      if (alert !== undefined) problems.push(...compare(expected, alert, i));
    });
  }
  return { ok: problems.length === 0, problems, alerts };
}

function compare(expected: ExpectedAlert, alert: Alert, index: number): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(expected.group ?? {})) {
    const actual = alert.group[field];
    if (String(actual) !== String(value)) {
      problems.push(
        `alert ${index + 1}: group ${field} expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`,
      );
    }
  }
  if (expected.count !== undefined && expected.count !== alert.count) {
    problems.push(`alert ${index + 1}: count expected ${expected.count}, got ${alert.count}`);
  }
  return problems;
}

function describe(alerts: readonly Alert[]): string {
  if (alerts.length === 0) return '';
  return `: ${alerts.map((a) => `${JSON.stringify(a.group)} count ${a.count}`).join('; ')}`;
}
