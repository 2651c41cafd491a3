import { existsSync } from 'node:fs';
import path from 'node:path';

/** The monorepo root: the nearest ancestor folder holding `turbo.json`. */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'turbo.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no turbo.json above ${from}`);
    dir = parent;
  }
}

/** Absolute path of a third-party fixture under `../shared/fixtures` (read at test time, never copied). */
export function fixture(...parts: string[]): string {
  return path.resolve(repoRoot(), '../shared/fixtures', ...parts);
}
