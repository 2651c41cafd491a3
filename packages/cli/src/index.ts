export { main } from './main.js';
export { runReplayCommand } from './commands/replay-command.js';
export { runRulesCommand } from './commands/rules-command.js';
export { runRunCommand } from './commands/run-command.js';
export { runRuleTests, type RuleTestCaseReport } from './rule-tests/run-rule-tests.js';
export { loadRulePack, type RulePack } from '@vigil/sigma';
export { mergeByTime } from './replay/merge-by-time.js';
export type { CliIo } from './io/cli-io.js';
