import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository (or installed package tree) root: the nearest folder up that has `turbo.json`. */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'turbo.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(import.meta.dirname, '../../../..');
    dir = parent;
  }
}
