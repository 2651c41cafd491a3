import { Readable } from 'node:stream';
import type { CliIo } from '../io/cli-io.js';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** A CliIo that records what a command writes, for tests. */
export function captureIo(
  options: {
    cwd?: string;
    stdin?: string;
    signal?: AbortSignal;
    env?: Readonly<Record<string, string>>;
  } = {},
): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    out: () => out,
    err: () => err,
  };
}
