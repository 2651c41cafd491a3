import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LoadResult } from '../loader/compile-rule-sources.js';
import { formatRuleIssue } from '../issues/rule-issue.js';
import { loadRules } from '../loader/load-rules.js';
import { defaultMappingsDir } from '../mapping/parse-mappings.js';
import { collectRuleFiles } from './collect-rule-files.js';

/** The starter rule pack shipped with Vigil: the repository's `rules/`, beside its mappings. */
export const defaultRulesDir = (): string => resolve(defaultMappingsDir(), '..');

export interface RulePack {
  readonly result: LoadResult;
  /** `file:line:col: severity: message [code]` for every error and warning. */
  readonly report: readonly string[];
}

export interface RulePackPaths {
  /** Absolute rule files and folders (the starter pack when none were given). */
  readonly rulePaths: readonly string[];
  /** Absolute list files and folders. */
  readonly listPaths: readonly string[];
}

/** Where a rule pack's rules and lists are: what `loadRulePack` reads and a watcher should watch. */
export function resolveRulePack(
  paths: readonly string[],
  cwd: string,
  lists?: readonly string[],
): RulePackPaths {
  const rulePaths = paths.length > 0 ? paths.map((p) => resolve(cwd, p)) : [defaultRulesDir()];
  const listPaths =
    lists?.map((p) => resolve(cwd, p)) ??
    rulePaths
      .filter((p) => existsSync(p) && statSync(p).isDirectory())
      .map((p) => join(p, 'lists'))
      .filter((p) => existsSync(p));
  return { rulePaths, listPaths };
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
  const { rulePaths, listPaths } = resolveRulePack(paths, cwd, lists);
  const result = await loadRules(collectRuleFiles(rulePaths), { lists: listPaths });
  const report = [...result.errors, ...result.warnings].map((issue) => formatRuleIssue(issue));
  return { result, report };
}
