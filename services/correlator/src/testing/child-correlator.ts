/**
 * A correlator in a child process (`main.ts`), for tests that kill it: its JSON log lines are kept
 * so a test can check what it did (e.g. restored partitions from checkpoints).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { waitFor } from '@vigil/testing';
import { REPO_ROOT } from './fixture-logs.js';

const MAIN = resolve(import.meta.dirname, '../main.ts');

export interface ChildCorrelator {
  readonly logs: Record<string, unknown>[];
  /** Resolves once the correlator logged that it runs. */
  running(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function spawnCorrelator(env: Record<string, string>): ChildCorrelator {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  if (child.stdout !== null) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line (a stray print): ignore.
      }
    });
  }
  return {
    logs,
    running: (timeoutMs = 60_000) =>
      waitFor(() => logs.some((entry) => entry['msg'] === 'correlator running'), {
        timeoutMs,
        description: 'the child correlator to run',
      }).then(() => undefined),
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
