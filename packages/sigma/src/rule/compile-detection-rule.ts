import type { EventPredicate } from '@vigil/rule-engine';
import type { LegacyAggregation } from '../condition/legacy-aggregation.parser.js';
import { compileDetection } from '../detection/compile-detection.js';
import type { DetectionContext } from '../detection/detection-context.js';
import { createFieldResolver } from '../mapping/create-field-resolver.js';
import { describeLogsource, type Mappings } from '../mapping/mappings.js';
import { resolveLogsource } from '../mapping/resolve-logsource.js';
import type { ModifierRegistry } from '../modifiers/modifier-registry.js';
import type { PlaceholderLookup } from '../placeholders/expand-placeholders.js';
import { parseTimespan } from '../util/parse-timespan.js';
import type { ParsedRule } from './parse-rule-document.js';
import { RuleCompileError } from './rule-compile-error.js';

export interface CompileEnvironment {
  readonly mappings: Mappings;
  readonly modifiers: ModifierRegistry;
  readonly placeholders: PlaceholderLookup;
}

/** A compiled detection document, before it becomes a DetectionRule / AbsenceRule / NewTermsRule. */
export interface DetectionUnit {
  readonly parsed: ParsedRule;
  readonly datasets: readonly string[];
  readonly match: EventPredicate;
  readonly resolveField: (field: string) => readonly string[];
  readonly aggregation?: LegacyAggregation & { readonly timespanMs: number };
  readonly fingerprint: unknown;
}

/** Compiles a detection rule's logsource and detection; undefined (with located errors) when it fails. */
export function compileDetectionRule(
  parsed: ParsedRule,
  environment: CompileEnvironment,
): DetectionUnit | undefined {
  const { issues } = parsed;
  const logsource = parsed.logsource;
  if (logsource === undefined) return undefined;
  const datasets = resolveLogsource(environment.mappings, logsource);
  if (datasets === undefined) {
    issues.error(
      'unsupported_logsource',
      ['logsource'],
      `Vigil ingests no logs for logsource ${describeLogsource(logsource)} (rules/mappings/logsources.yml)`,
    );
    return undefined;
  }
  const resolveField = createFieldResolver(environment.mappings, logsource);
  const context: DetectionContext = {
    modifiers: environment.modifiers,
    resolveField,
    placeholders: environment.placeholders,
    keywordFields: environment.mappings.keywordFields,
    usedFields: new Map(),
    usedPlaceholders: new Map(),
    warn: () => undefined,
  };
  const detection = compileDetection(parsed.body['detection'], ['detection'], context, issues);
  if (detection === undefined || issues.hasErrors) return undefined;
  let aggregation: DetectionUnit['aggregation'];
  if (detection.aggregation !== undefined) {
    const timeframe = (parsed.body['detection'] as Record<string, unknown>)['timeframe'];
    const timespanMs = parseTimespan(timeframe);
    if (timespanMs === undefined) {
      issues.error(
        'invalid_timespan',
        ['detection', timeframe === undefined ? 'condition' : 'timeframe'],
        `a legacy aggregation needs 'detection.timeframe' like 10m (got ${JSON.stringify(timeframe ?? null)})`,
      );
      return undefined;
    }
    let unsupported = false;
    for (const field of [
      ...detection.aggregation.groupBy,
      ...(detection.aggregation.field === undefined ? [] : [detection.aggregation.field]),
    ]) {
      try {
        context.usedFields.set(field, resolveField(field));
      } catch (error) {
        if (!(error instanceof RuleCompileError)) throw error;
        issues.error(error.issueCode, ['detection', 'condition'], error.message, 'value');
        unsupported = true;
      }
    }
    if (unsupported) return undefined;
    aggregation = { ...detection.aggregation, timespanMs };
  }
  return {
    parsed,
    datasets,
    match: detection.match,
    resolveField,
    ...(aggregation === undefined ? {} : { aggregation }),
    fingerprint: {
      logsource,
      detection: parsed.body['detection'],
      vigil: parsed.vigil ?? null,
      datasets,
      fields: Object.fromEntries(context.usedFields),
      placeholders: Object.fromEntries(context.usedPlaceholders),
    },
  };
}
