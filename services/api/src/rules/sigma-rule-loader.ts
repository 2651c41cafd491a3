import type { CompiledRule } from '@vigil/rule-engine';
import { formatRuleIssue, loadRulePack, type LoadResult } from '@vigil/sigma';
import type { LoadedRules, RuleDescription } from '../memory/counting-rule-catalog.js';

function describe(rule: CompiledRule): RuleDescription {
  const meta = rule.meta;
  return {
    id: meta.id,
    title: meta.title,
    level: meta.level,
    type: rule.type,
    tags: [...meta.tags],
    ...(meta.description === undefined ? {} : { description: meta.description }),
    source: { file: meta.source.file, line: meta.source.line },
  };
}

/** The rules page's view of a load: every rule, and every error with its file. */
export function describeRules(result: LoadResult): LoadedRules {
  return {
    rules: result.ruleSet.rules.map(describe),
    errors: result.errors.map((error) => ({ file: error.file, message: formatRuleIssue(error) })),
  };
}

/**
 * Loads the rule pack under `paths` as every Vigil service does (`loadRulePack`: rule files only,
 * not the pack's lists, mappings or test cases), for the rules page.
 */
export function sigmaRuleLoader(
  paths: readonly string[],
  options: { cwd?: string; lists?: readonly string[] } = {},
): () => Promise<LoadedRules> {
  return async () =>
    describeRules((await loadRulePack(paths, options.cwd ?? process.cwd(), options.lists)).result);
}
