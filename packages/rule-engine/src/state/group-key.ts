import type { GroupValue } from '../model/compiled-rule.js';

/**
 * Group values as one Map key. Single values (the common case: a source address, a user) are a type
 * tag plus the value, so `"1"` and `1` and `null` stay apart without the cost of JSON; several values
 * are JSON, which is unambiguous. Keys decode back to values, so state needs not keep them twice.
 */
export function groupKey(values: readonly GroupValue[]): string {
  if (values.length === 0) return '';
  if (values.length === 1) {
    const value = values[0];
    switch (typeof value) {
      case 'string':
        return `s${value}`;
      case 'number':
        return `n${value}`;
      case 'boolean':
        return value ? 'bt' : 'bf';
      default:
        return 'z';
    }
  }
  return `[${JSON.stringify(values)}`;
}

export function decodeGroupKey(key: string): GroupValue[] {
  if (key === '') return [];
  const rest = key.slice(1);
  switch (key[0]) {
    case 's':
      return [rest];
    case 'n':
      return [Number(rest)];
    case 'b':
      return [rest === 't'];
    case 'z':
      return [null];
    default:
      return JSON.parse(rest) as GroupValue[];
  }
}

/** The alert's `group` object: names of the group-by paired with the values. */
export function groupObject(
  names: readonly string[],
  values: readonly GroupValue[],
): Record<string, GroupValue> {
  const group: Record<string, GroupValue> = {};
  for (let i = 0; i < names.length; i++) group[names[i] ?? String(i)] = values[i] ?? null;
  return group;
}
