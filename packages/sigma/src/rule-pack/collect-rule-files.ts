import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders of a rule pack that hold data, not rules. */
const DATA_FOLDERS = new Set(['lists', 'mappings']);
const RULE_FILE = /\.ya?ml$/i;
const TEST_FILE = /\.tests\.ya?ml$/i;

/**
 * The rule files under the given paths: `.yml`/`.yaml`, recursively, leaving out the pack's data
 * (`lists/`, `mappings/`), rule test cases (`*.tests.yml`) and hidden files. A file named
 * explicitly is always taken.
 */
export function collectRuleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!DATA_FOLDERS.has(name)) walk(path);
      } else if (RULE_FILE.test(name) && !TEST_FILE.test(name)) out.push(path);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Missing paths go to the loader as they are, which reports them with the reason.
    }
    if (isDir) walk(path);
    else out.push(path);
  }
  return out;
}
