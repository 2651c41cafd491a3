import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatRuleIssue, loadRules, type LoadResult } from '@vigil/sigma';
import { collectRuleFiles } from './collect-rule-files.js';
import { defaultRulesDir } from './repo-paths.js';

export interface RulePack {
  readonly result: LoadResult;
  /** `file:line:col: severity: message [code]` for every error and warning. */
  readonly report: readonly string[];
}

/**
 * Loads rules the way every command does: the given paths (default: the starter pack), with the
 * placeholder lists of each rules folder (`<dir>/lists`) unless lists are named explicitly.
 * Folders named `lists` and `mappings` and `*.tests.yml` files are data, not rules.
 */
export async function loadRulePack(
  paths: readonly string[],
  cwd: string,
  lists?: readonly string[],
): Promise<RulePack> {
  const rulePaths = paths.length > 0 ? paths.map((p) => resolve(cwd, p)) : [defaultRulesDir()];
  const listPaths =
    lists?.map((p) => resolve(cwd, p)) ??
    rulePaths
      .filter((p) => existsSync(p) && statSync(p).isDirectory())
      .map((p) => join(p, 'lists'))
      .filter((p) => existsSync(p));
  const result = await loadRules(collectRuleFiles(rulePaths), { lists: listPaths });
  const report = [...result.errors, ...result.warnings].map((issue) => formatRuleIssue(issue));
  return { result, report };
}
