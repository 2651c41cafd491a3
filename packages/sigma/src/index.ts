export { loadRules, type LoadRulesOptions } from './loader/load-rules.js';
export {
  compileRuleSources,
  type CompileRulesOptions,
  type LoadResult,
  type RuleSourceText,
} from './loader/compile-rule-sources.js';
export {
  formatRuleIssue,
  RULE_ISSUE_CODES,
  type RuleError,
  type RuleIssue,
  type RuleIssueCode,
  type RuleWarning,
} from './issues/rule-issue.js';
export {
  loadMappings,
  parseMappings,
  defaultMappingsDir,
  type MappingSources,
} from './mapping/parse-mappings.js';
export type { Mappings } from './mapping/mappings.js';
export { parsePlaceholderLists } from './placeholders/parse-placeholder-lists.js';
export { createDefaultModifiers } from './modifiers/default-modifiers.js';
export {
  ModifierRegistry,
  type ModifierDefinition,
  type ModifierContext,
} from './modifiers/modifier-registry.js';
export type { SigmaValue } from './modifiers/sigma-value.js';
export { parseCondition } from './condition/condition.parser.js';
export type { ConditionNode } from './condition/condition-ast.js';
export {
  watchRules,
  type RuleReload,
  type RuleWatcher,
  type WatchRulesOptions,
} from './watch/watch-rules.js';
export { lintRules, type LintResult, type LintRulesOptions } from './lint/lint-rules.js';
export { runRulesLintCommand, RULES_LINT_USAGE, type CommandIo } from './lint/run-rules-lint-command.js';
export { RuleCompileError } from './rule/rule-compile-error.js';
export { collectRuleFiles } from './rule-pack/collect-rule-files.js';
export {
  defaultRulesDir,
  loadRulePack,
  resolveRulePack,
  type RulePack,
  type RulePackPaths,
} from './rule-pack/load-rule-pack.js';
