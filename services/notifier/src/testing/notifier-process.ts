import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'turbo.json'))) dir = path.dirname(dir);
  return dir;
}

/** The notifier's real entry point in a child process, as a supervisor would run it. */
export function startNotifier(env: Record<string, string>): ChildProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'services/notifier/src/main.ts'], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Drained so a chatty child never blocks on a full pipe.
  proc.stderr.on('data', () => undefined);
  return proc;
}

export function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}
