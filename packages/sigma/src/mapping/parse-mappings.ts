import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { eventSchemaFields } from '../field/known-fields.js';
import { IssueCollector } from '../issues/issue-collector.js';
import { zodIssueMessage, zodIssuePath } from '../issues/zod-issue-path.js';
import type { RuleError } from '../issues/rule-issue.js';
import { parseYamlFile, type YamlDocument } from '../yaml/yaml-document.js';
import { fieldsFileSchema, logsourcesFileSchema, type LogsourceMatchInput } from './mappings.schema.js';
import { LOGSOURCE_KEYS, type LogsourceMatch, type Mappings } from './mappings.js';

export interface MappingSources {
  readonly logsources: { readonly file: string; readonly text: string };
  readonly fields: { readonly file: string; readonly text: string };
}

function list(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function toMatch(input: LogsourceMatchInput): LogsourceMatch {
  const match: LogsourceMatch = {};
  for (const key of LOGSOURCE_KEYS) {
    const value = input[key];
    if (value !== undefined) match[key] = list(value).map((item) => item.toLowerCase());
  }
  return match;
}

function validate<S extends z.ZodType>(
  schema: S,
  source: { file: string; text: string },
  collector: IssueCollector,
): { data: z.infer<S>; document: YamlDocument } | undefined {
  const parsed = parseYamlFile(source.file, source.text);
  for (const issue of parsed.syntaxIssues) {
    collector.add({
      severity: 'error',
      code: 'yaml_syntax',
      file: source.file,
      ...issue.position,
      message: issue.message,
    });
  }
  const [document] = parsed.documents;
  if (document === undefined) {
    if (parsed.syntaxIssues.length === 0) {
      collector.add({
        severity: 'error',
        code: 'invalid_structure',
        file: source.file,
        line: 1,
        column: 1,
        message: 'empty mapping file',
      });
    }
    return undefined;
  }
  const result = schema.safeParse(document.value);
  if (result.success) return { data: result.data, document };
  const issues = collector.forDocument(document);
  for (const issue of result.error.issues) {
    issues.error('invalid_structure', zodIssuePath(issue), zodIssueMessage('', issue));
  }
  return undefined;
}

/** Validates both mapping files; every problem is reported with file and line. */
export function parseMappings(sources: MappingSources): {
  mappings?: Mappings;
  errors: readonly RuleError[];
} {
  const collector = new IssueCollector();
  const logsources = validate(logsourcesFileSchema, sources.logsources, collector);
  const fields = validate(fieldsFileSchema, sources.fields, collector);
  if (logsources === undefined || fields === undefined) return { errors: collector.errors };
  const known = new Set(logsources.data.datasets);
  const issues = collector.forDocument(logsources.document);
  logsources.data.logsources.forEach((entry, index) => {
    for (const dataset of entry.datasets) {
      if (!known.has(dataset)) {
        issues.error(
          'invalid_structure',
          ['logsources', index, 'datasets'],
          `dataset '${dataset}' is not in the 'datasets' list`,
        );
      }
    }
  });
  if (collector.errors.length > 0) return { errors: collector.errors };
  const toMap = (record: Record<string, string | string[]>) =>
    new Map(Object.entries(record).map(([key, value]) => [key, list(value)] as const));
  const mappings: Mappings = {
    datasets: logsources.data.datasets,
    logsources: logsources.data.logsources.map((entry) => ({
      match: toMatch(entry.logsource),
      datasets: entry.datasets,
    })),
    keywordFields: fields.data.keyword_fields,
    ecsFields: new Set([...eventSchemaFields(), ...fields.data.ecs_extra]),
    passthroughPrefixes: fields.data.passthrough_prefixes,
    global: toMap(fields.data.global),
    prefixes: new Map(Object.entries(fields.data.prefixes)),
    scoped: fields.data.scoped.map((scope) => ({
      match: toMatch(scope.logsource),
      fields: toMap(scope.fields),
      prefixes: new Map(Object.entries(scope.prefixes)),
      ...(scope.fallback_prefix === undefined ? {} : { fallbackPrefix: scope.fallback_prefix }),
      inheritGlobal: scope.inherit_global,
    })),
  };
  return { mappings, errors: [] };
}

/** Where the repository keeps its mapping tables: `<repo>/rules/mappings`, found from this package. */
export function defaultMappingsDir(): string {
  return path.resolve(import.meta.dirname, '../../../../rules/mappings');
}

/** Reads `logsources.yml` and `fields.yml` from a directory. */
export async function loadMappings(
  dir: string = defaultMappingsDir(),
): Promise<{ mappings?: Mappings; errors: readonly RuleError[] }> {
  const read = async (name: string) => {
    const file = path.join(dir, name);
    return { file, text: await readFile(file, 'utf8') };
  };
  try {
    return parseMappings({ logsources: await read('logsources.yml'), fields: await read('fields.yml') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { errors: [{ severity: 'error', code: 'read_error', file: dir, line: 1, column: 1, message }] };
  }
}
