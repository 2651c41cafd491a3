/**
 * `vigil parse [--year YYYY] [--timezone TZ] [--now ISO] [--web nginx|apache] FILE...|-`:
 * prints one NDJSON event per line on stdout and one JSON dead-letter per rejected line on stderr
 * (`{"file","line","code","reason","original"}`). Each file is its own stream (Zeek headers and
 * year rollover do not leak between files). Exit code 0, or 2 for a usage error.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { DatasetHint, ParserOptions } from '../model/parse-outcome.js';
import { parseStream } from './parse-stream.js';

export interface CommandIo {
  readonly stdin: Readable;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

export const PARSE_USAGE =
  'usage: vigil parse [--year YYYY] [--timezone TZ] [--now ISO-8601] [--web nginx|apache] FILE...|-\n';

type Parsed = { ok: true; options: ParserOptions; files: string[] } | { ok: false; error: string };

export function parseArgs(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let year: number | undefined;
  let timezone: string | undefined;
  let now: number | undefined;
  let web: DatasetHint | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = argv[i + 1];
    const needValue = (): string | undefined => {
      i++;
      return value;
    };
    if (arg === '--year') {
      const v = needValue();
      year = Number(v);
      if (v === undefined || !Number.isInteger(year) || year < 1970 || year > 9999)
        return { ok: false, error: `--year needs a year, got ${v ?? 'nothing'}` };
    } else if (arg === '--timezone' || arg === '--tz') {
      timezone = needValue();
      if (timezone === undefined) return { ok: false, error: '--timezone needs an IANA zone name' };
    } else if (arg === '--now') {
      const v = needValue();
      now = v === undefined ? Number.NaN : Date.parse(v);
      if (Number.isNaN(now))
        return { ok: false, error: `--now needs an ISO-8601 time, got ${v ?? 'nothing'}` };
    } else if (arg === '--web') {
      const v = needValue();
      if (v !== 'nginx' && v !== 'apache') return { ok: false, error: '--web must be nginx or apache' };
      web = v;
    } else if (arg.startsWith('--')) {
      return { ok: false, error: `unknown option ${arg}` };
    } else files.push(arg);
  }
  if (files.length === 0) return { ok: false, error: 'no input files (use - for stdin)' };
  const options: ParserOptions = {
    ...(year !== undefined ? { year } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(web !== undefined ? { datasetHint: web } : {}),
  };
  return { ok: true, options, files };
}

export async function runParseCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr.write(`${args.error}\n${PARSE_USAGE}`);
    return 2;
  }
  try {
    // Validates the timezone before any file is opened.
    Intl.DateTimeFormat('en-US', { timeZone: args.options.timezone ?? 'UTC' });
  } catch {
    io.stderr.write(`unknown timezone: ${args.options.timezone ?? ''}\n`);
    return 2;
  }
  for (const file of args.files) {
    const input = file === '-' ? io.stdin : createReadStream(file, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const { line, text, outcome } of parseStream(lines, args.options, { source: file })) {
        if (outcome.ok) {
          for (const ev of outcome.events) io.stdout.write(`${JSON.stringify(ev)}\n`);
        } else {
          io.stderr.write(
            `${JSON.stringify({ file, line, code: outcome.code, reason: outcome.reason, original: text })}\n`,
          );
        }
      }
    } catch (error) {
      io.stderr.write(`${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  return 0;
}
