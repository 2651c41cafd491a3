import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above this file that holds turbo.json. */
export function repoRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'turbo.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root (turbo.json) not found');
    dir = parent;
  }
  return dir;
}

/** Third-party fixtures shared by the team, next to the repository (never copied into it). */
export function fixturesDir(...parts: string[]): string {
  return path.resolve(repoRoot(), '../shared/fixtures', ...parts);
}
