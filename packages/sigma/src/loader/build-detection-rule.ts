import type {
  AbsenceRule,
  DetectionRule,
  EventPredicate,
  NewTermsRule,
  Suppression,
} from '@vigil/rule-engine';
import { coalesceGetter, singleRuleGroupBy, toGroupValue } from '../correlation/group-by.js';
import { keyOf } from '../detection/match-key.js';
import type { DocumentIssues } from '../issues/issue-collector.js';
import { buildRuleMeta, ruleVersion } from '../rule/build-rule-meta.js';
import type { DetectionUnit } from '../rule/compile-detection-rule.js';
import type { FilterUnit } from '../rule/compile-filter.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import { parseTimespan } from '../util/parse-timespan.js';

export type DetectionLikeRule = DetectionRule | AbsenceRule | NewTermsRule;

/** Maps group-by names with the rule's own field mapping; errors point at the list item. */
function resolveFields(
  unit: DetectionUnit,
  names: readonly string[],
  path: readonly string[],
  issues: DocumentIssues,
): (readonly string[])[] | undefined {
  const resolved: (readonly string[])[] = [];
  let ok = true;
  for (const [index, name] of names.entries()) {
    try {
      resolved.push(unit.resolveField(name));
    } catch (error) {
      if (!(error instanceof RuleCompileError)) throw error;
      issues.error(error.issueCode, [...path, index], error.message, 'value');
      ok = false;
    }
  }
  return ok ? resolved : undefined;
}

function keys(names: readonly string[], fields: readonly (readonly string[])[]): string[] {
  return fields.map((targets, index) =>
    targets.length === 1 && targets[0] !== undefined ? targets[0] : (names[index] ?? ''),
  );
}

function timespan(value: string, path: readonly string[], issues: DocumentIssues): number | undefined {
  const ms = parseTimespan(value);
  if (ms === undefined)
    issues.error(
      'invalid_timespan',
      path,
      `timespan '${value}' must be a positive number followed by s, m, h or d (e.g. 15m)`,
      'value',
    );
  return ms;
}

function withFilters(match: EventPredicate, filters: readonly FilterUnit[]): EventPredicate {
  if (filters.length === 0) return match;
  const predicates = filters.map((filter) => filter.match);
  return (event) => {
    if (!match(event)) return false;
    for (const predicate of predicates) if (!predicate(event)) return false;
    return true;
  };
}

/** Builds the engine rule for a compiled detection document: signature, absence or new-terms. */
export function buildDetectionRule(
  unit: DetectionUnit,
  options: { readonly id?: string; readonly filters: readonly FilterUnit[]; readonly generate: boolean },
): DetectionLikeRule | undefined {
  const { parsed } = unit;
  const { issues } = parsed;
  const extension = parsed.vigil ?? {};
  const version = ruleVersion({
    unit: unit.fingerprint,
    filters: options.filters.map((filter) => filter.fingerprint),
  });
  const meta = buildRuleMeta(parsed, version, options.id === undefined ? {} : { id: options.id });
  const match = withFilters(unit.match, options.filters);
  // Filters only narrow: the detection's routing key holds for the filtered rule too.
  const matchKey = keyOf(unit.match)?.key;
  const base = {
    meta,
    datasets: unit.datasets,
    match,
    ...(matchKey === undefined ? {} : { matchKey }),
    generate: options.generate,
  };
  if (extension.absence !== undefined && extension.new_terms !== undefined) {
    issues.error(
      'invalid_extension',
      ['vigil'],
      'a rule is either an absence rule or a new-terms rule, not both',
    );
    return undefined;
  }
  if (
    extension.suppress !== undefined &&
    (extension.absence !== undefined || extension.new_terms !== undefined)
  ) {
    issues.warning(
      'invalid_extension',
      ['vigil', 'suppress'],
      'vigil.suppress is ignored on absence and new-terms rules (they alert once per group by design)',
    );
  }
  if (extension.absence !== undefined) {
    const spec = extension.absence;
    const fields = resolveFields(unit, spec['group-by'], ['vigil', 'absence', 'group-by'], issues);
    const timespanMs = timespan(spec.timespan, ['vigil', 'absence', 'timespan'], issues);
    if (fields === undefined || timespanMs === undefined) return undefined;
    return {
      type: 'absence',
      ...base,
      groupBy: singleRuleGroupBy(keys(spec['group-by'], fields), fields),
      timespanMs,
    };
  }
  if (extension.new_terms !== undefined) {
    const spec = extension.new_terms;
    const groupFields = resolveFields(unit, spec['group-by'], ['vigil', 'new_terms', 'group-by'], issues);
    const termFields = resolveFields(unit, spec.fields, ['vigil', 'new_terms', 'fields'], issues);
    const historyMs = timespan(spec.history, ['vigil', 'new_terms', 'history'], issues);
    if (groupFields === undefined || termFields === undefined || historyMs === undefined) return undefined;
    const getters = termFields.map(coalesceGetter);
    return {
      type: 'new_terms',
      ...base,
      groupBy: singleRuleGroupBy(keys(spec['group-by'], groupFields), groupFields),
      fields: keys(spec.fields, termFields),
      valuesOf: (event) => getters.map((getter) => toGroupValue(getter(event))),
      historyMs,
    };
  }
  let suppress: Suppression | undefined;
  if (extension.suppress !== undefined) {
    const spec = extension.suppress;
    const fields = resolveFields(unit, spec['group-by'], ['vigil', 'suppress', 'group-by'], issues);
    const windowMs = timespan(spec.timespan, ['vigil', 'suppress', 'timespan'], issues);
    if (fields === undefined || windowMs === undefined) return undefined;
    suppress = { groupBy: singleRuleGroupBy(keys(spec['group-by'], fields), fields), windowMs };
  }
  return { type: 'signature', ...base, ...(suppress === undefined ? {} : { suppress }) };
}
