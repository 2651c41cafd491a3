import type { EventPredicate } from '@vigil/rule-engine';
import type { ConditionNode } from '../condition/condition-ast.js';
import { ConditionSyntaxError } from '../condition/condition-syntax-error.js';
import { parseCondition } from '../condition/condition.parser.js';
import { compileCondition } from '../condition/compile-condition.js';
import { parseLegacyAggregation, type LegacyAggregation } from '../condition/legacy-aggregation.parser.js';
import type { DocumentIssues } from '../issues/issue-collector.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import type { YamlPath } from '../yaml/yaml-document.js';
import { compileSearchIdentifier } from './compile-search-identifier.js';
import type { DetectionContext } from './detection-context.js';

export interface CompiledDetection {
  readonly match: EventPredicate;
  /** Set when the condition used the legacy `| count() ...` syntax. */
  readonly aggregation?: LegacyAggregation;
}

/** Keys of a detection section that are not search identifiers. */
const RESERVED = new Set(['condition', 'timeframe']);

function parseOne(
  text: string,
  path: YamlPath,
  issues: DocumentIssues,
): { node: ConditionNode; aggregation?: LegacyAggregation } | undefined {
  try {
    const { node, rest } = parseCondition(text);
    if (rest === undefined) return { node };
    const aggregation = parseLegacyAggregation(text.slice(rest.position + 1));
    if (aggregation === undefined) {
      issues.error(
        'legacy_aggregation',
        path,
        `unsupported legacy aggregation '${text.slice(rest.position).trim()}': only '| count(field) by group > N' converts; write a correlation rule`,
        'value',
      );
      return undefined;
    }
    return { node, aggregation };
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    issues.error('condition_syntax', path, `condition '${text}': ${error.message}`, 'value');
    return undefined;
  }
}

/** Compiles a `detection` section (search identifiers + condition) into one predicate. */
export function compileDetection(
  detection: unknown,
  path: YamlPath,
  context: DetectionContext,
  issues: DocumentIssues,
): CompiledDetection | undefined {
  if (detection === null || typeof detection !== 'object' || Array.isArray(detection)) {
    issues.error(
      'invalid_structure',
      path,
      `'detection' must be a map of search identifiers and a condition`,
    );
    return undefined;
  }
  const section = detection as Record<string, unknown>;
  const warnings: string[] = [];
  // Item warnings are collected here and located by the search identifier compiler.
  const itemContext: DetectionContext = { ...context, warn: (message) => warnings.push(message) };
  const identifiers = new Map<string, EventPredicate>();
  for (const [name, definition] of Object.entries(section)) {
    if (RESERVED.has(name)) continue;
    identifiers.set(
      name,
      compileSearchIdentifier(definition, [...path, name], itemContext, warnings, issues),
    );
  }
  const condition = section['condition'];
  const conditionPath = [...path, 'condition'];
  const texts = Array.isArray(condition) ? (condition as unknown[]) : [condition];
  if (condition === undefined || texts.length === 0 || texts.some((text) => typeof text !== 'string')) {
    issues.error(
      'invalid_structure',
      condition === undefined ? path : conditionPath,
      `'detection.condition' must be a string or a list of strings`,
    );
    return undefined;
  }
  const parsed = (texts as string[]).map((text, index) =>
    parseOne(text, Array.isArray(condition) ? [...conditionPath, index] : conditionPath, issues),
  );
  const nodes = parsed.filter((entry) => entry !== undefined);
  if (nodes.length !== parsed.length) return undefined;
  const aggregations = nodes.map((entry) => entry.aggregation).filter((entry) => entry !== undefined);
  if (aggregations.length > 0 && (nodes.length > 1 || aggregations.length !== 1)) {
    issues.error('legacy_aggregation', conditionPath, 'a legacy aggregation needs a single condition');
    return undefined;
  }
  const used = new Set<string>();
  const predicates: EventPredicate[] = [];
  for (const entry of nodes) {
    try {
      predicates.push(compileCondition(entry.node, identifiers, used));
    } catch (error) {
      if (!(error instanceof RuleCompileError)) throw error;
      issues.error(error.issueCode, conditionPath, error.message, 'value');
      return undefined;
    }
  }
  for (const name of identifiers.keys()) {
    if (!used.has(name))
      issues.warning(
        'unused_identifier',
        [...path, name],
        `search identifier '${name}' is not used by the condition`,
      );
  }
  const [first] = predicates;
  // A list of conditions is OR-linked (the specification); one condition needs no wrapper.
  const match: EventPredicate =
    predicates.length === 1 && first !== undefined
      ? first
      : (event) => predicates.some((predicate) => predicate(event));
  const [aggregation] = aggregations;
  return aggregation === undefined ? { match } : { match, aggregation };
}
