import { fieldReader } from '../memory/field-values.js';
import { toEpochMs } from '../memory/to-predicate.js';
import type { SortValue } from './cursor.js';
import type { SortKey } from './plan-search.js';

/** Code-point order, which is the UTF-8 byte order Elasticsearch sorts keywords by. */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral characters) sort after every other BMP character in code-point order.
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000;
    return x - y;
  }
  return a.length - b.length;
}

function convert(value: unknown, type: SortKey['type']): string | number | undefined {
  if (type === 'date') return toEpochMs(value);
  if (type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareCodePoints(String(a), String(b));
}

/** A document's sort values: like Elasticsearch, the smallest value of an array ascending, the largest descending. */
export function sortValuesOf(doc: unknown, keys: readonly SortKey[]): SortValue[] {
  return sortValuesReader(keys)(doc);
}

/** `sortValuesOf` compiled for a sort, for hot loops. */
export function sortValuesReader(keys: readonly SortKey[]): (doc: unknown) => SortValue[] {
  const readers = keys.map((key) => fieldReader(key.source));
  return (doc) => keys.map((key, index) => sortValue(readers[index]?.(doc) ?? [], key));
}

function sortValue(values: readonly unknown[], key: SortKey): SortValue {
  let best: string | number | undefined;
  for (const raw of values) {
    const value = convert(raw, key.type);
    if (value === undefined) continue;
    if (best === undefined) best = value;
    else {
      const cmp = compareValues(value, best);
      if (key.order === 'asc' ? cmp < 0 : cmp > 0) best = value;
    }
  }
  return best ?? null;
}

/** Compares two sort-value tuples in the plan's order; missing values sort last in either order. */
export function compareSortValues(
  a: readonly SortValue[],
  b: readonly SortValue[],
  keys: readonly SortKey[],
): number {
  for (let i = 0; i < keys.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    const cmp = compareValues(x, y);
    if (cmp !== 0) return keys[i]?.order === 'desc' ? -cmp : cmp;
  }
  return 0;
}
