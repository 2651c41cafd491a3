import { formatRuleIssue, type RuleError, type RuleWarning } from '../issues/rule-issue.js';
import type { LoadResult } from '../loader/compile-rule-sources.js';
import { loadRules, type LoadRulesOptions } from '../loader/load-rules.js';

export interface LintResult {
  readonly errors: readonly RuleError[];
  readonly warnings: readonly RuleWarning[];
  readonly stats: LoadResult['stats'];
  /** One `file:line:column: severity: message [code]` line per issue, errors first, by file and line. */
  readonly lines: readonly string[];
  /** 0: clean; 1: errors (or warnings when `strict`). */
  readonly exitCode: 0 | 1;
}

export interface LintRulesOptions extends LoadRulesOptions {
  /** Warnings fail the lint too. */
  readonly strict?: boolean;
}

const byLocation = (
  a: { file: string; line: number; column: number },
  b: { file: string; line: number; column: number },
) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Loads rules only to report on them: what `vigil rules lint` prints. */
export async function lintRules(
  paths: readonly string[],
  options: LintRulesOptions = {},
): Promise<LintResult> {
  const result = await loadRules(paths, options);
  const errors = [...result.errors].sort(byLocation);
  const warnings = [...result.warnings].sort(byLocation);
  const failing = errors.length > 0 || (options.strict === true && warnings.length > 0);
  return {
    errors,
    warnings,
    stats: result.stats,
    lines: [...errors, ...warnings].map(formatRuleIssue),
    exitCode: failing ? 1 : 0,
  };
}
