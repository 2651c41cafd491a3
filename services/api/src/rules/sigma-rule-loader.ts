import type { CompiledRule } from '@vigil/rule-engine';
import { formatRuleIssue, loadRules, type LoadRulesOptions } from '@vigil/sigma';
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

/** Loads the Sigma rules under `paths` with `@vigil/sigma`, as the correlator does, for the rules page. */
export function sigmaRuleLoader(
  paths: readonly string[],
  options: LoadRulesOptions = {},
): () => Promise<LoadedRules> {
  return async () => {
    const result = await loadRules(paths, options);
    return {
      rules: result.ruleSet.rules.map(describe),
      errors: result.errors.map((error) => ({ file: error.file, message: formatRuleIssue(error) })),
    };
  };
}
