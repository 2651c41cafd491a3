import type { CompiledRule, CorrelationRule, RuleSet } from '@vigil/rule-engine';
import { eventScope } from '../field/event-scope.js';
import { compileCorrelation, type CompiledCorrelation } from '../correlation/compile-correlation.js';
import type { CorrelationReference } from '../correlation/correlation-reference.js';
import { IssueCollector } from '../issues/issue-collector.js';
import type { RuleError, RuleWarning } from '../issues/rule-issue.js';
import { createFieldResolver } from '../mapping/create-field-resolver.js';
import type { Mappings } from '../mapping/mappings.js';
import { matchesSubset } from '../mapping/resolve-logsource.js';
import { createDefaultModifiers } from '../modifiers/default-modifiers.js';
import type { ModifierRegistry } from '../modifiers/modifier-registry.js';
import { buildRuleMeta, ruleVersion } from '../rule/build-rule-meta.js';
import {
  compileDetectionRule,
  type CompileEnvironment,
  type DetectionUnit,
} from '../rule/compile-detection-rule.js';
import { compileFilter, type FilterUnit } from '../rule/compile-filter.js';
import { parseRuleDocument, type ParsedRule } from '../rule/parse-rule-document.js';
import { parseYamlFile } from '../yaml/yaml-document.js';
import { buildDetectionRule } from './build-detection-rule.js';
import { indexRules } from './index-rules.js';
import { legacyAggregationCorrelation, legacyBaseId } from './legacy-aggregation-rule.js';

export interface RuleSourceText {
  readonly file: string;
  readonly text: string;
}

export interface CompileRulesOptions {
  readonly mappings: Mappings;
  /** Values of `%name%` placeholders (Sigma `expand`), usually from list files. */
  readonly placeholders?: ReadonlyMap<string, readonly string[]>;
  readonly modifiers?: ModifierRegistry;
}

export interface LoadResult {
  /** The rules that compiled; rules with errors are left out, the others still load. */
  readonly ruleSet: RuleSet;
  readonly errors: readonly RuleError[];
  readonly warnings: readonly RuleWarning[];
  readonly stats: {
    readonly files: number;
    readonly documents: number;
    readonly loaded: number;
    readonly failed: number;
  };
}

interface CorrelationUnit {
  readonly parsed: ParsedRule;
  readonly compiled: CompiledCorrelation;
  /** The hidden detection rule of a converted legacy aggregation. */
  readonly legacyBase?: DetectionUnit;
}

function filtersFor(unit: DetectionUnit, filters: readonly FilterUnit[]): FilterUnit[] {
  const logsource = unit.parsed.logsource ?? {};
  return filters.filter(
    (filter) =>
      matchesSubset(filter.logsource, logsource) &&
      (filter.rules === 'any' ||
        filter.rules.includes(unit.parsed.id) ||
        (unit.parsed.name !== undefined && filter.rules.includes(unit.parsed.name))),
  );
}

/** Parses, validates and compiles rule texts (no I/O): every error located, good rules kept. */
export function compileRuleSources(
  sources: readonly RuleSourceText[],
  options: CompileRulesOptions,
): LoadResult {
  const collector = new IssueCollector();
  const environment: CompileEnvironment = {
    mappings: options.mappings,
    modifiers: options.modifiers ?? createDefaultModifiers(),
    placeholders: (name) => options.placeholders?.get(name),
  };
  const parsedRules: ParsedRule[] = [];
  let documents = 0;
  for (const source of sources) {
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
    documents += parsed.documents.length;
    for (const document of parsed.documents) {
      const rule = parseRuleDocument(document, collector);
      if (rule !== undefined) parsedRules.push(rule);
    }
  }
  const index = indexRules(parsedRules);
  const detections = new Map<string, DetectionUnit>();
  const filters: FilterUnit[] = [];
  const correlations = new Map<string, CorrelationUnit>();
  for (const rule of index.rules) {
    if (rule.kind === 'detection') {
      const unit = compileDetectionRule(rule, environment);
      if (unit === undefined) continue;
      const legacy = legacyAggregationCorrelation(unit);
      if (legacy === undefined) detections.set(rule.id, unit);
      else correlations.set(rule.id, { parsed: rule, compiled: legacy, legacyBase: unit });
    } else if (rule.kind === 'filter') {
      const filter = compileFilter(rule, environment);
      if (filter !== undefined) filters.push(filter);
    }
  }
  for (const filter of filters) {
    if (filter.rules !== 'any' && !filter.rules.some((reference) => index.find(reference) !== undefined)) {
      filter.parsed.issues.warning(
        'unreferenced_filter',
        ['filter', 'rules'],
        'the filter applies to none of the loaded rules',
      );
    }
  }

  // Correlations, dependencies first; chains may refer to other correlations by id or name.
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'failed'>();
  const globalResolver = createFieldResolver(options.mappings, undefined);
  const compileChain = (rule: ParsedRule): boolean => {
    const current = state.get(rule.id);
    if (current !== undefined) return current === 'done';
    state.set(rule.id, 'visiting');
    const lookup = (reference: string): CorrelationReference | 'failed' | undefined => {
      const target = index.find(reference);
      if (target === undefined) return undefined;
      const base = { id: target.id, ...(target.name === undefined ? {} : { name: target.name }) };
      if (target.kind === 'detection') {
        const unit = detections.get(target.id);
        if (unit !== undefined && unit.parsed.vigil?.absence === undefined)
          return { ...base, kind: 'detection', resolveField: unit.resolveField };
        if (correlations.get(target.id)?.legacyBase !== undefined)
          return { ...base, kind: 'correlation', resolveField: globalResolver };
        return 'failed';
      }
      if (target.kind !== 'correlation') return undefined;
      if (state.get(target.id) === 'visiting') {
        rule.issues.error(
          'reference_cycle',
          ['correlation', 'rules'],
          `correlation chain loops back to '${reference}'`,
        );
        return 'failed';
      }
      return compileChain(target) ? { ...base, kind: 'correlation', resolveField: globalResolver } : 'failed';
    };
    const compiled = compileCorrelation(rule, lookup);
    if (compiled === undefined || rule.issues.hasErrors) {
      state.set(rule.id, 'failed');
      return false;
    }
    correlations.set(rule.id, { parsed: rule, compiled });
    state.set(rule.id, 'done');
    order.push(rule.id);
    return true;
  };
  for (const rule of index.rules) if (rule.kind === 'correlation') compileChain(rule);

  // Sigma `generate`: a rule referred to by correlations alerts on its own only if one of them says so.
  const referencedBy = new Map<string, boolean[]>();
  for (const unit of correlations.values()) {
    for (const id of unit.compiled.rules)
      referencedBy.set(id, [...(referencedBy.get(id) ?? []), unit.compiled.generateReferenced]);
  }
  const generates = (id: string): boolean => referencedBy.get(id)?.some(Boolean) ?? true;

  const versions = new Map<string, string>();
  const rules: CompiledRule[] = [];
  for (const unit of detections.values()) {
    const rule = buildDetectionRule(unit, {
      filters: filtersFor(unit, filters),
      generate: generates(unit.parsed.id),
    });
    if (rule === undefined) continue;
    if (unit.parsed.level === undefined && rule.generate)
      unit.parsed.issues.warning('missing_level', [], `no 'level': alerts use 'medium'`);
    versions.set(rule.meta.id, rule.meta.version);
    rules.push(rule);
  }
  const correlationIds = [
    ...[...correlations.values()]
      .filter((unit) => unit.legacyBase !== undefined)
      .map((unit) => unit.parsed.id),
    ...order,
  ];
  for (const id of correlationIds) {
    const unit = correlations.get(id);
    if (unit === undefined) continue;
    if (unit.legacyBase !== undefined) {
      const base = buildDetectionRule(unit.legacyBase, {
        id: legacyBaseId(id),
        filters: filtersFor(unit.legacyBase, filters),
        generate: false,
      });
      if (base === undefined) continue;
      versions.set(base.meta.id, base.meta.version);
      rules.push(base);
    }
    const { compiled, parsed } = unit;
    const missing = compiled.rules.filter((ruleId) => !versions.has(ruleId));
    if (missing.length > 0) {
      parsed.issues.error(
        'referenced_rule_failed',
        ['correlation', 'rules'],
        `referenced rule(s) ${missing.join(', ')} have errors and were not loaded`,
      );
      continue;
    }
    const version = ruleVersion({
      correlation: compiled.fingerprint,
      rules: compiled.rules.map((ruleId) => versions.get(ruleId)),
    });
    if (parsed.level === undefined && generates(id))
      parsed.issues.warning('missing_level', [], `no 'level': alerts use 'medium'`);
    const common = {
      meta: buildRuleMeta(parsed, version),
      rules: compiled.rules,
      groupBy: compiled.groupBy,
      timespanMs: compiled.timespanMs,
      generate: generates(id),
      ...(compiled.suppress === undefined ? {} : { suppress: compiled.suppress }),
    };
    let rule: CorrelationRule;
    if (
      compiled.type === 'value_count' &&
      compiled.valueField !== undefined &&
      compiled.condition !== undefined
    ) {
      rule = {
        ...common,
        type: 'value_count',
        field: compiled.valueField.name,
        valueOf: compiled.valueField.valueOf,
        condition: compiled.condition,
      };
    } else if (compiled.type === 'event_count' && compiled.condition !== undefined) {
      rule = { ...common, type: 'event_count', condition: compiled.condition };
    } else if (compiled.type === 'temporal' || compiled.type === 'temporal_ordered') {
      rule = {
        ...common,
        type: compiled.type,
        ...(compiled.condition === undefined ? {} : { condition: compiled.condition }),
      };
    } else {
      continue;
    }
    versions.set(id, version);
    rules.push(rule);
  }
  // Distinct failing rules (or documents, before a rule id is known).
  const failed = new Set(collector.errors.map((error) => `${error.file}\u0000${error.rule ?? error.line}`))
    .size;
  return {
    ruleSet: { rules, scope: eventScope },
    errors: collector.errors,
    warnings: collector.warnings,
    stats: { files: sources.length, documents, loaded: rules.length, failed },
  };
}
