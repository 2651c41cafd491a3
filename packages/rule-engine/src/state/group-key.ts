import type { GroupValue } from '../model/compiled-rule.js';

const TAG = '\u0000';

/**
 * Group values as one Map key. A single string value (the common case: a source address, a user)
 * is its own key: no allocation, and its hash is cached on the string, which the event already
 * holds. Other single values get a NUL tag (`\0n5`, `\0bt`, `\0z`) so `"5"`, `5` and `null` stay
 * apart, as does a string that itself starts with NUL (`\0s...`). Several values are tagged JSON.
 * Keys decode back to values, so state needs not keep the values twice.
 */
export function groupKey(values: readonly GroupValue[]): string {
  if (values.length === 1) {
    const value = values[0];
    switch (typeof value) {
      case 'string':
        return value.charCodeAt(0) === 0 ? `${TAG}s${value}` : value;
      case 'number':
        return `${TAG}n${value}`;
      case 'boolean':
        return value ? `${TAG}bt` : `${TAG}bf`;
      default:
        return `${TAG}z`;
    }
  }
  return values.length === 0 ? TAG : `${TAG}[${JSON.stringify(values)}`;
}

export function decodeGroupKey(key: string): GroupValue[] {
  if (key.charCodeAt(0) !== 0) return [key];
  const rest = key.slice(2);
  switch (key[1]) {
    case undefined:
      return [];
    case 's':
      return [rest];
    case 'n':
      return [Number(rest)];
    case 'b':
      return [rest === 't'];
    case 'z':
      return [null];
    default:
      return JSON.parse(key.slice(1).slice(1)) as GroupValue[];
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
