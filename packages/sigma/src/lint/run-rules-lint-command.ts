import { parseArgs } from 'node:util';
import { lintRules } from './lint-rules.js';

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const RULES_LINT_USAGE = `Usage: vigil rules lint [options] <file|dir>...

Checks Sigma rules (detection, correlation, filter) the way the engine loads them.

Options:
  --strict            warnings fail too
  --json              print {errors, warnings, stats} as JSON
  --mappings <dir>    mapping tables (default: rules/mappings)
  --lists <path>      placeholder list file or folder (repeatable)
  -h, --help          show this help

Exit codes: 0 clean, 1 rule errors (or warnings with --strict), 2 usage error.`;

/** `vigil rules lint`: argv after the subcommand, output through `io`; resolves to the exit code. */
export async function runRulesLintCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        mappings: { type: 'string' },
        lists: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${RULES_LINT_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${RULES_LINT_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.stderr(`No rule paths given.\n\n${RULES_LINT_USAGE}\n`);
    return 2;
  }
  const result = await lintRules(positionals, {
    strict: values.strict,
    ...(values.mappings === undefined ? {} : { mappingsDir: values.mappings }),
    ...(values.lists === undefined ? {} : { lists: values.lists }),
  });
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ errors: result.errors, warnings: result.warnings, stats: result.stats }, null, 2)}\n`,
    );
  } else {
    for (const line of result.lines) io.stdout(`${line}\n`);
    const { stats } = result;
    io.stdout(
      `${stats.files} files, ${stats.loaded} rules loaded, ${result.errors.length} errors, ${result.warnings.length} warnings\n`,
    );
  }
  return result.exitCode;
}
