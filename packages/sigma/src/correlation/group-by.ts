import type { GroupBy, GroupValue } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { compileFieldGetter, type FieldGetter } from '../field/field-getter.js';
import { canonicalJson } from '../util/canonical-json.js';

/** A field value as a group key: scalars as they are, missing as null, lists joined, objects as JSON. */
export function toGroupValue(value: unknown): GroupValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    const scalars = value.map(toGroupValue);
    return scalars.length === 1 ? (scalars[0] ?? null) : scalars.map(String).join(',');
  }
  return canonicalJson(value);
}

/** Reads the first of several event fields that is present. */
export function coalesceGetter(fields: readonly string[]): FieldGetter {
  const getters = fields.map(compileFieldGetter);
  return (event) => {
    for (const getter of getters) {
      const value = getter(event);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}

function read(getters: readonly FieldGetter[], event: VigilEvent): GroupValue[] {
  const values = new Array<GroupValue>(getters.length);
  for (let i = 0; i < getters.length; i++) values[i] = toGroupValue(getters[i]?.(event));
  return values;
}

/** Group-by over one rule's fields: `valuesOf` ignores the rule id. */
export function singleRuleGroupBy(names: readonly string[], fields: readonly (readonly string[])[]): GroupBy {
  const getters = fields.map(coalesceGetter);
  return { names, valuesOf: (_ruleId, event) => read(getters, event) };
}

/**
 * Group-by of a correlation: each referenced rule reads the group fields under its own names
 * (field mapping of its logsource, Sigma aliases). Unknown rule ids read the first rule's fields.
 */
export function perRuleGroupBy(
  names: readonly string[],
  fieldsByRule: ReadonlyMap<string, readonly (readonly string[])[]>,
): GroupBy {
  const gettersByRule = new Map<string, FieldGetter[]>();
  for (const [ruleId, fields] of fieldsByRule) gettersByRule.set(ruleId, fields.map(coalesceGetter));
  const fallback = gettersByRule.values().next().value ?? [];
  return {
    names,
    valuesOf: (ruleId, event) => read(gettersByRule.get(ruleId) ?? fallback, event),
  };
}
