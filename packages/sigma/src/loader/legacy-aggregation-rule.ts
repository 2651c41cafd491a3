import type { CorrelationType, CompiledCorrelation } from '../correlation/compile-correlation.js';
import { coalesceGetter, singleRuleGroupBy, toGroupValue } from '../correlation/group-by.js';
import type { DetectionUnit } from '../rule/compile-detection-rule.js';

/** Id of the hidden detection rule that feeds a converted legacy aggregation. */
export function legacyBaseId(ruleId: string): string {
  return `${ruleId}:events`;
}

/**
 * `selection | count(field) by group > N` with `timeframe` is the pre-2.0 spelling of a correlation:
 * it becomes a value_count (with a field) or event_count over a hidden detection rule.
 */
export function legacyAggregationCorrelation(unit: DetectionUnit): CompiledCorrelation | undefined {
  const aggregation = unit.aggregation;
  if (aggregation === undefined) return undefined;
  const groupFields = aggregation.groupBy.map((field) => unit.resolveField(field));
  const names = groupFields.map((fields, index) =>
    fields.length === 1 && fields[0] !== undefined ? fields[0] : (aggregation.groupBy[index] ?? ''),
  );
  const type: CorrelationType = aggregation.field === undefined ? 'event_count' : 'value_count';
  let valueField: CompiledCorrelation['valueField'];
  if (aggregation.field !== undefined) {
    const targets = unit.resolveField(aggregation.field);
    const getter = coalesceGetter(targets);
    valueField = {
      name: targets.length === 1 && targets[0] !== undefined ? targets[0] : aggregation.field,
      valueOf: (_ruleId, event) => toGroupValue(getter(event)),
    };
  }
  unit.parsed.issues.warning(
    'legacy_aggregation',
    ['detection', 'condition'],
    `legacy aggregation converted to a ${type} correlation over '${legacyBaseId(unit.parsed.id)}' (prefer a Sigma correlation rule)`,
    'value',
  );
  return {
    type,
    rules: [legacyBaseId(unit.parsed.id)],
    groupBy: singleRuleGroupBy(names, groupFields),
    timespanMs: aggregation.timespanMs,
    condition: { [aggregation.operator]: aggregation.value },
    ...(valueField === undefined ? {} : { valueField }),
    generateReferenced: false,
    fingerprint: { aggregation },
  };
}
