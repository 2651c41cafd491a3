import type { CountCondition, GroupBy, GroupValue, Suppression } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import type { DocumentIssues } from '../issues/issue-collector.js';
import { zodIssueMessage, zodIssuePath } from '../issues/zod-issue-path.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import {
  correlationSchema,
  METRIC_CORRELATION_TYPES,
  SUPPORTED_CORRELATION_TYPES,
  type CorrelationSection,
} from '../rule/correlation.schema.js';
import type { ParsedRule } from '../rule/parse-rule-document.js';
import { parseTimespan } from '../util/parse-timespan.js';
import type { YamlPath } from '../yaml/yaml-document.js';
import type { CorrelationReference } from './correlation-reference.js';
import { coalesceGetter, perRuleGroupBy, toGroupValue } from './group-by.js';
import { parseCountCondition } from './parse-count-condition.js';

export type CorrelationType = (typeof SUPPORTED_CORRELATION_TYPES)[number];

export interface CompiledCorrelation {
  readonly type: CorrelationType;
  readonly rules: readonly string[];
  readonly groupBy: GroupBy;
  readonly timespanMs: number;
  readonly condition?: CountCondition;
  readonly valueField?: {
    readonly name: string;
    readonly valueOf: (ruleId: string, event: VigilEvent) => GroupValue;
  };
  /** The correlation's `generate`: whether the rules it refers to also alert on their own. */
  readonly generateReferenced: boolean;
  readonly suppress?: Suppression;
  readonly fingerprint: unknown;
}

/** Resolves Sigma names (or aliases) to event fields for every referenced rule; one map per name. */
class FieldsByRule {
  constructor(
    private readonly references: readonly CorrelationReference[],
    private readonly aliases: Readonly<Record<string, Readonly<Record<string, string>>>>,
    private readonly issues: DocumentIssues,
  ) {}

  resolve(
    name: string,
    path: YamlPath,
  ): { key: string; perRule: Map<string, readonly string[]> } | undefined {
    const alias = this.aliases[name];
    const perRule = new Map<string, readonly string[]>();
    let ok = true;
    for (const reference of this.references) {
      const field = alias === undefined ? name : (alias[reference.name ?? ''] ?? alias[reference.id]);
      if (field === undefined) {
        this.issues.error(
          'invalid_structure',
          ['correlation', 'aliases', name],
          `alias '${name}' names no field for rule '${reference.name ?? reference.id}'`,
        );
        ok = false;
        continue;
      }
      try {
        perRule.set(reference.id, reference.resolveField(field));
      } catch (error) {
        if (!(error instanceof RuleCompileError)) throw error;
        this.issues.error(
          error.issueCode,
          path,
          `${error.message} (in rule '${reference.name ?? reference.id}')`,
          'value',
        );
        ok = false;
      }
    }
    if (!ok) return undefined;
    // The alert's group key: the alias, or the event field when every rule reads the same one.
    const targets = new Set([...perRule.values()].map((fields) => fields.join('|')));
    const [only] = [...perRule.values()];
    const key =
      alias === undefined && targets.size === 1 && only?.length === 1 && only[0] !== undefined
        ? only[0]
        : name;
    return { key, perRule };
  }

  groupBy(names: readonly string[], path: YamlPath): GroupBy | undefined {
    const keys: string[] = [];
    const fieldsByRule = new Map<string, (readonly string[])[]>(
      this.references.map((reference) => [reference.id, []]),
    );
    let ok = true;
    for (const [index, name] of names.entries()) {
      const resolved = this.resolve(name, [...path, index]);
      if (resolved === undefined) {
        ok = false;
        continue;
      }
      keys.push(resolved.key);
      for (const [ruleId, fields] of resolved.perRule) fieldsByRule.get(ruleId)?.push(fields);
    }
    return ok ? perRuleGroupBy(keys, fieldsByRule) : undefined;
  }
}

function validateSection(parsed: ParsedRule): CorrelationSection | undefined {
  const result = correlationSchema.safeParse(parsed.body['correlation']);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    parsed.issues.error(
      'invalid_structure',
      ['correlation', ...zodIssuePath(issue)],
      zodIssueMessage('correlation', issue),
    );
  }
  return undefined;
}

/** Compiles a Sigma correlation rule against the rules it refers to (already known by id or name). */
export function compileCorrelation(
  parsed: ParsedRule,
  lookup: (reference: string) => CorrelationReference | 'failed' | undefined,
): CompiledCorrelation | undefined {
  const { issues } = parsed;
  const section = validateSection(parsed);
  if (section === undefined) return undefined;
  const type = section.type;
  if (!(SUPPORTED_CORRELATION_TYPES as readonly string[]).includes(type)) {
    const metric = (METRIC_CORRELATION_TYPES as readonly string[]).includes(type);
    issues.error(
      'unsupported_correlation',
      ['correlation', 'type'],
      metric
        ? `correlation type '${type}' (Sigma 2.1 metric correlation) is not supported by Vigil`
        : `unknown correlation type '${type}'`,
      'value',
    );
    return undefined;
  }
  const references: CorrelationReference[] = [];
  section.rules.forEach((reference, index) => {
    const found = lookup(reference);
    const path = ['correlation', 'rules', index];
    if (found === 'failed')
      issues.error(
        'referenced_rule_failed',
        path,
        `rule '${reference}' has errors and was not loaded`,
        'value',
      );
    else if (found === undefined)
      issues.error(
        'unknown_rule_reference',
        path,
        `rule '${reference}' is not loaded (no rule has this id or name)`,
        'value',
      );
    else references.push(found);
  });
  const timespanMs = parseTimespan(
    typeof section.timespan === 'number' ? String(section.timespan) : section.timespan,
  );
  if (timespanMs === undefined) {
    issues.error(
      'invalid_timespan',
      ['correlation', 'timespan'],
      `timespan '${String(section.timespan)}' must be a positive number followed by s, m, h or d (e.g. 90m)`,
      'value',
    );
  }
  let condition: CountCondition | undefined;
  let fieldSpec: unknown;
  if (typeof section.condition === 'string') {
    issues.error(
      'unsupported_correlation',
      ['correlation', 'condition'],
      'extended (boolean expression) correlation conditions are not supported',
      'value',
    );
  } else if (section.condition !== undefined) {
    const parsedCondition = parseCountCondition(section.condition, issues);
    condition = parsedCondition?.condition;
    fieldSpec = parsedCondition?.field;
  } else if (type === 'event_count' || type === 'value_count') {
    issues.error('invalid_structure', ['correlation'], `a ${type} correlation needs a 'condition'`);
  }
  const groupNames = section['group-by'] ?? [];
  if (section['group-by'] === undefined)
    issues.warning('invalid_structure', ['correlation'], `no 'group-by': all events form one group`);
  if (references.length !== section.rules.length || timespanMs === undefined) return undefined;

  const aliases = section.aliases ?? {};
  const fields = new FieldsByRule(references, aliases, issues);
  const groupBy = fields.groupBy(groupNames, ['correlation', 'group-by']);
  let valueField: CompiledCorrelation['valueField'];
  if (type === 'value_count') {
    const fieldList =
      typeof fieldSpec === 'string' ? [fieldSpec] : Array.isArray(fieldSpec) ? (fieldSpec as unknown[]) : [];
    const [only] = fieldList;
    if (fieldList.length !== 1 || typeof only !== 'string') {
      issues.error(
        'invalid_structure',
        ['correlation', 'condition'],
        `value_count needs 'condition.field': exactly one field name`,
      );
    } else {
      const resolved = fields.resolve(only, ['correlation', 'condition', 'field']);
      if (resolved !== undefined) {
        const getters = new Map(
          [...resolved.perRule].map(([ruleId, targets]) => [ruleId, coalesceGetter(targets)] as const),
        );
        const fallback = getters.values().next().value;
        valueField = {
          name: resolved.key,
          valueOf: (ruleId, event) => toGroupValue((getters.get(ruleId) ?? fallback)?.(event)),
        };
      }
    }
  }
  let suppress: Suppression | undefined;
  const suppressSpec = parsed.vigil?.suppress;
  if (suppressSpec !== undefined) {
    const windowMs = parseTimespan(suppressSpec.timespan);
    const suppressGroup = fields.groupBy(suppressSpec['group-by'], ['vigil', 'suppress', 'group-by']);
    if (windowMs === undefined)
      issues.error(
        'invalid_timespan',
        ['vigil', 'suppress', 'timespan'],
        `timespan '${suppressSpec.timespan}' must be like 10m`,
        'value',
      );
    else if (suppressGroup !== undefined) suppress = { groupBy: suppressGroup, windowMs };
  }
  if (parsed.vigil?.absence !== undefined || parsed.vigil?.new_terms !== undefined) {
    issues.error(
      'invalid_extension',
      ['vigil'],
      'vigil.absence and vigil.new_terms apply to detection rules, not correlations',
    );
  }
  const topGenerate = parsed.body['generate'];
  if (topGenerate !== undefined && typeof topGenerate !== 'boolean')
    issues.error('invalid_structure', ['generate'], `'generate' must be true or false`, 'value');
  if (groupBy === undefined || issues.hasErrors) return undefined;
  const generateReferenced =
    (typeof topGenerate === 'boolean' ? topGenerate : undefined) ?? section.generate ?? false;
  return {
    type: type as CorrelationType,
    rules: references.map((reference) => reference.id),
    groupBy,
    timespanMs,
    ...(condition === undefined ? {} : { condition }),
    ...(valueField === undefined ? {} : { valueField }),
    generateReferenced,
    ...(suppress === undefined ? {} : { suppress }),
    fingerprint: { correlation: section, generate: generateReferenced, vigil: parsed.vigil ?? null },
  };
}
