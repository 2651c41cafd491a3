import path from 'node:path';
import { RULE_LEVELS, type RuleLevel } from '@vigil/schema';
import type { DocumentIssues, IssueCollector } from '../issues/issue-collector.js';
import { zodIssueMessage, zodIssuePath } from '../issues/zod-issue-path.js';
import { LOGSOURCE_KEYS, type RuleLogsource } from '../mapping/mappings.js';
import type { YamlDocument } from '../yaml/yaml-document.js';
import { vigilExtensionSchema, type VigilExtension } from './vigil-extension.schema.js';

export type RuleKind = 'detection' | 'correlation' | 'filter';

/** A rule document whose common parts (meta, logsource, extensions) are validated. */
export interface ParsedRule {
  readonly kind: RuleKind;
  readonly document: YamlDocument;
  readonly issues: DocumentIssues;
  readonly body: Readonly<Record<string, unknown>>;
  /** Sigma id, else name, else `<file name>#<document index>`. */
  readonly id: string;
  readonly name?: string;
  readonly title: string;
  readonly level?: RuleLevel;
  readonly tags: readonly string[];
  readonly description?: string;
  readonly logsource?: RuleLogsource;
  readonly vigil?: VigilExtension;
}

function optionalString(
  body: Record<string, unknown>,
  key: string,
  issues: DocumentIssues,
): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  issues.error('invalid_structure', [key], `'${key}' must be a non-empty string`, 'value');
  return undefined;
}

function parseLogsource(body: Record<string, unknown>, issues: DocumentIssues): RuleLogsource | undefined {
  const value = body['logsource'];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.error(
      'invalid_structure',
      value === undefined ? [] : ['logsource'],
      `'logsource' must be a map (category, product, service)`,
    );
    return undefined;
  }
  const logsource: RuleLogsource = {};
  for (const key of LOGSOURCE_KEYS) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || item === null) continue;
    if (typeof item !== 'string') {
      issues.error('invalid_structure', ['logsource', key], `'logsource.${key}' must be a string`, 'value');
      continue;
    }
    logsource[key] = item.toLowerCase();
  }
  return logsource;
}

function parseExtension(body: Record<string, unknown>, issues: DocumentIssues): VigilExtension | undefined {
  if (body['vigil'] === undefined) return undefined;
  const result = vigilExtensionSchema.safeParse(body['vigil']);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.error('invalid_extension', ['vigil', ...zodIssuePath(issue)], zodIssueMessage('vigil', issue));
  }
  return undefined;
}

function kindOf(body: Record<string, unknown>): RuleKind | undefined {
  if ('correlation' in body) return 'correlation';
  if ('filter' in body) return 'filter';
  if ('detection' in body) return 'detection';
  return undefined;
}

/** Classifies a document and validates what every rule has; undefined when it is no rule at all. */
export function parseRuleDocument(document: YamlDocument, collector: IssueCollector): ParsedRule | undefined {
  const issues = collector.forDocument(document);
  const value = document.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.error('invalid_structure', [], 'a rule document must be a YAML map');
    return undefined;
  }
  const body = value as Record<string, unknown>;
  if ('action' in body) {
    issues.error(
      'unsupported_action',
      ['action'],
      `'action: ${String(body['action'])}' (Sigma 1.0 rule collections) was removed in Sigma 2.0: write each rule as its own document`,
    );
    return undefined;
  }
  const kind = kindOf(body);
  if (kind === undefined) {
    issues.error(
      'invalid_structure',
      [],
      `not a Sigma rule: a document needs 'detection', 'correlation' or 'filter'`,
    );
    return undefined;
  }
  const sigmaId = optionalString(body, 'id', issues);
  const name = optionalString(body, 'name', issues);
  const id = sigmaId ?? name ?? `${path.basename(document.file)}#${document.index}`;
  issues.rule = id;
  const titleValue = body['title'];
  const title = typeof titleValue === 'string' ? titleValue.trim() : '';
  if (title.length === 0 || title.length > 256) {
    issues.error(
      'missing_title',
      titleValue === undefined ? [] : ['title'],
      `'title' is required: a non-empty string of at most 256 characters`,
    );
  }
  let level: RuleLevel | undefined;
  const levelValue = body['level'];
  if (levelValue !== undefined && levelValue !== null) {
    if (typeof levelValue === 'string' && (RULE_LEVELS as readonly string[]).includes(levelValue))
      level = levelValue as RuleLevel;
    else
      issues.error('invalid_level', ['level'], `'level' must be one of ${RULE_LEVELS.join(', ')}`, 'value');
  }
  const tagsValue = body['tags'];
  let tags: string[] = [];
  if (Array.isArray(tagsValue) && tagsValue.every((tag) => typeof tag === 'string')) tags = tagsValue;
  else if (tagsValue !== undefined && tagsValue !== null)
    issues.error('invalid_structure', ['tags'], `'tags' must be a list of strings`);
  const description = optionalString(body, 'description', issues);
  const logsource = kind === 'correlation' ? undefined : parseLogsource(body, issues);
  const vigil = parseExtension(body, issues);
  return {
    kind,
    document,
    issues,
    body,
    id,
    title: title.length > 0 ? title : id,
    tags,
    ...(name === undefined ? {} : { name }),
    ...(level === undefined ? {} : { level }),
    ...(description === undefined ? {} : { description }),
    ...(logsource === undefined ? {} : { logsource }),
    ...(vigil === undefined ? {} : { vigil }),
  };
}
