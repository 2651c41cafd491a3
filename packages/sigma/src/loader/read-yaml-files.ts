import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RuleError } from '../issues/rule-issue.js';

const YAML_FILE = /\.ya?ml$/i;

async function collect(target: string, into: string[], errors: RuleError[]): Promise<void> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    errors.push({
      severity: 'error',
      code: 'read_error',
      file: target,
      line: 1,
      column: 1,
      message: (error as Error).message,
    });
    return;
  }
  if (info.isDirectory()) {
    const entries = await readdir(target, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      // Hidden files and folders (.git, editor swap files) are never rules.
      if (entry.name.startsWith('.')) continue;
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) await collect(child, into, errors);
      else if (entry.isFile() && YAML_FILE.test(entry.name)) into.push(child);
    }
  } else {
    into.push(target);
  }
}

/** Reads every `.yml`/`.yaml` file under the given files and directories (recursively, sorted). */
export async function readYamlFiles(
  paths: readonly string[],
): Promise<{ sources: { file: string; text: string }[]; errors: RuleError[] }> {
  const files: string[] = [];
  const errors: RuleError[] = [];
  for (const target of paths) await collect(target, files, errors);
  const sources: { file: string; text: string }[] = [];
  for (const file of [...new Set(files)]) {
    try {
      sources.push({ file, text: await readFile(file, 'utf8') });
    } catch (error) {
      errors.push({
        severity: 'error',
        code: 'read_error',
        file,
        line: 1,
        column: 1,
        message: (error as Error).message,
      });
    }
  }
  return { sources, errors };
}
