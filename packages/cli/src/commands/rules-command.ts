/**
 * `vigil rules lint [PATH]...` — loads rules, prints every error and warning as `file:line:col: ...`,
 * exit 1 if any error. `vigil rules test [PATH]` — runs every rule's `*.tests.yml` cases through the
 * parser and the engine (multi-event timing included), exit 1 if any case fails.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../io/cli-io.js';
import { loadRulePack } from '@vigil/sigma';
import { defaultRulesDir } from '@vigil/sigma';
import { runRuleTests } from '../rule-tests/run-rule-tests.js';

export const RULES_USAGE =
  'usage: vigil rules lint [--lists PATH]... [PATH]...\n       vigil rules test [--lists PATH]... [PATH]\n';

export async function runRulesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  let args;
  try {
    args = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { lists: { type: 'string', multiple: true } },
    });
  } catch (error) {
    io.stderr.write(`vigil rules: ${(error as Error).message}\n${RULES_USAGE}`);
    return EXIT.usage;
  }
  const paths = args.positionals;
  if (sub === 'lint') return lint(paths, args.values.lists, io);
  if (sub === 'test') return test(paths, args.values.lists, io);
  io.stderr.write(RULES_USAGE);
  return EXIT.usage;
}

async function lint(
  paths: readonly string[],
  lists: readonly string[] | undefined,
  io: CliIo,
): Promise<number> {
  const pack = await loadRulePack(paths, io.cwd, lists);
  for (const line of pack.report) io.stdout.write(`${line}\n`);
  const { stats } = pack.result;
  io.stdout.write(
    `${stats.loaded} rule(s) loaded from ${stats.files} file(s), ${pack.result.errors.length} error(s), ${pack.result.warnings.length} warning(s)\n`,
  );
  return pack.result.errors.length > 0 ? EXIT.problems : EXIT.ok;
}

async function test(
  paths: readonly string[],
  lists: readonly string[] | undefined,
  io: CliIo,
): Promise<number> {
  const dir = paths[0] === undefined ? defaultRulesDir() : resolve(io.cwd, paths[0]);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.stderr.write(`vigil rules test: ${dir} is not a folder\n`);
    return EXIT.usage;
  }
  const pack = await loadRulePack([dir], io.cwd, lists);
  for (const line of pack.report) io.stderr.write(`${line}\n`);
  const reports = await runRuleTests(dir, pack.result.ruleSet, io.cwd);
  let failed = 0;
  for (const report of reports) {
    if (report.ok) io.stdout.write(`ok   ${report.file}:${report.line} ${report.rule} › ${report.name}\n`);
    else {
      failed++;
      io.stdout.write(`FAIL ${report.file}:${report.line} ${report.rule} › ${report.name}\n`);
      for (const problem of report.problems) io.stdout.write(`       ${problem}\n`);
    }
  }
  io.stdout.write(`${reports.length - failed} passed, ${failed} failed\n`);
  return failed > 0 || pack.result.errors.length > 0 ? EXIT.problems : EXIT.ok;
}
