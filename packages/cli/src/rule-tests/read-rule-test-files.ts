import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { ruleTestFileSchema, type RuleTestFile } from './rule-test-file.schema.js';

export interface LoadedRuleTestFile {
  readonly file: string;
  readonly spec: RuleTestFile;
  /** 1-based line of each case, for reports. */
  readonly caseLines: readonly number[];
}

export interface RuleTestFileError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export async function findRuleTestFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.tests.yml') || entry.name.endsWith('.tests.yaml')) out.push(path);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Reads and validates one test file; problems come back with their line. */
export async function readRuleTestFile(file: string): Promise<LoadedRuleTestFile | RuleTestFileError[]> {
  const text = await readFile(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0)
    return doc.errors.map((e) => ({ file, line: lineOf(e.pos[0]), message: e.message }));
  const parsed = ruleTestFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const node: unknown = doc.getIn(issue.path as (string | number)[], true);
      const line = isNode(node) ? lineOf(node.range?.[0]) : 1;
      return { file, line, message: `${issue.path.join('.') || '(file)'}: ${issue.message}` };
    });
  }
  const cases = doc.get('cases', true);
  const caseLines = parsed.data.cases.map((_, i) => {
    const node: unknown =
      isNode(cases) && 'get' in cases
        ? (cases as { get(i: number, keep: true): unknown }).get(i, true)
        : undefined;
    return isNode(node) ? lineOf(node.range?.[0]) : 1;
  });
  return { file, spec: parsed.data, caseLines };
}
