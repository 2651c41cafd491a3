import type { EventPredicate } from '@vigil/rule-engine';
import type { DocumentIssues } from '../issues/issue-collector.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import type { YamlPath } from '../yaml/yaml-document.js';
import { compileDetectionItem } from './compile-detection-item.js';
import { keyAll } from './match-key.js';
import type { DetectionContext } from './detection-context.js';

const NEVER: EventPredicate = () => false;

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function allOf(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1 && predicates[0] !== undefined) return predicates[0];
  return keyAll((event) => {
    for (const predicate of predicates) if (!predicate(event)) return false;
    return true;
  }, predicates);
}

function anyOf(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1 && predicates[0] !== undefined) return predicates[0];
  return (event) => {
    for (const predicate of predicates) if (predicate(event)) return true;
    return false;
  };
}

/** Compiles one item, turning a thrown RuleCompileError and any warnings into located issues. */
function item(
  key: string,
  value: unknown,
  path: YamlPath,
  context: DetectionContext,
  warnings: string[],
  issues: DocumentIssues,
): EventPredicate {
  try {
    const predicate = compileDetectionItem(key, value, context);
    for (const message of warnings.splice(0)) issues.warning('invalid_modifier_use', path, message);
    return predicate;
  } catch (error) {
    warnings.length = 0;
    if (!(error instanceof RuleCompileError)) throw error;
    const where = error.path === undefined ? path : [...path, ...error.path];
    issues.error(error.issueCode, where, error.message, error.path === undefined ? 'key' : 'value');
    return NEVER;
  }
}

function compileMap(
  map: Record<string, unknown>,
  path: YamlPath,
  context: DetectionContext,
  warnings: string[],
  issues: DocumentIssues,
): EventPredicate {
  const entries = Object.entries(map);
  if (entries.length === 0) {
    issues.error('invalid_structure', path, 'empty map: a selection needs at least one field');
    return NEVER;
  }
  return allOf(entries.map(([key, value]) => item(key, value, [...path, key], context, warnings, issues)));
}

/**
 * A search identifier: a map (AND of its fields), a list of maps (OR), or a list of plain values
 * (keywords, OR); lists may mix maps and keywords.
 */
export function compileSearchIdentifier(
  definition: unknown,
  path: YamlPath,
  context: DetectionContext,
  warnings: string[],
  issues: DocumentIssues,
): EventPredicate {
  if (isMap(definition)) return compileMap(definition, path, context, warnings, issues);
  const list = Array.isArray(definition) ? (definition as unknown[]) : [definition];
  if (definition === null || list.length === 0) {
    issues.error('invalid_structure', path, 'a search identifier must be a map or a non-empty list');
    return NEVER;
  }
  const keywords: unknown[] = [];
  const alternatives: EventPredicate[] = [];
  list.forEach((element, index) => {
    if (isMap(element)) alternatives.push(compileMap(element, [...path, index], context, warnings, issues));
    else if (Array.isArray(element))
      issues.error('invalid_structure', [...path, index], 'nested lists are not allowed here');
    else keywords.push(element);
  });
  if (keywords.length > 0) alternatives.push(item('', keywords, path, context, warnings, issues));
  return anyOf(alternatives);
}
