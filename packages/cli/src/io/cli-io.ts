import type { Readable } from 'node:stream';

/** The command's window on the world, so commands run the same in tests and in a terminal. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM for long-running commands. */
  readonly signal?: AbortSignal;
}

export function processIo(signal?: AbortSignal): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    ...(signal === undefined ? {} : { signal }),
  };
}

/** Exit codes: 0 ran, 1 found problems (rule errors, failed rule tests), 2 usage error. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
