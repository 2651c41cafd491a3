import { scopeState } from './event-scope.js';

/** Reads one field of an event; `undefined` when absent. Arrays met on the way are flattened. */
export type FieldGetter = (event: object) => unknown;

/** A field name split once at load, with every flattened key (`parts[i..j]` joined by dots) made up front. */
interface FieldPath {
  readonly parts: readonly string[];
  /** `joined[i][j - i - 1]` is `parts.slice(i, j + 1).join('.')`, for j > i. */
  readonly joined: readonly (readonly string[])[];
}

function fieldPath(field: string): FieldPath {
  const parts = field.split('.');
  const joined = parts.map((_, i) => {
    const keys: string[] = [];
    for (let end = i + 1; end < parts.length; end++) keys.push(parts.slice(i, end + 1).join('.'));
    return keys;
  });
  return { parts, joined };
}

function resolve(value: unknown, path: FieldPath, index: number): unknown {
  const { parts } = path;
  if (index === parts.length) return value;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    // ECS arrays of objects: the field has every value found under any element.
    const found: unknown[] = [];
    for (const element of value) {
      const inner = resolve(element, path, index);
      if (Array.isArray(inner)) found.push(...(inner as unknown[]));
      else if (inner !== undefined) found.push(inner);
    }
    return found.length > 0 ? found : undefined;
  }
  const record = value as Record<string, unknown>;
  const key = parts[index] ?? '';
  // Own properties only: a rule field named `constructor` must not reach Object.prototype.
  // (Object.hasOwn directly: a wrapper function around it cost more than the read itself.)
  if (Object.hasOwn(record, key)) {
    const inner = resolve(record[key], path, index + 1);
    if (inner !== undefined) return inner;
  }
  // Flattened dotted keys (`labels['app.tier']`, vendor objects kept flat) are found too.
  const flattened = path.joined[index] ?? [];
  for (let k = 0; k < flattened.length; k++) {
    const joined = flattened[k] ?? '';
    if (Object.hasOwn(record, joined)) {
      const inner = resolve(record[joined], path, index + k + 2);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/**
 * The common case without recursion or allocation: nested plain objects all the way down. Returns
 * undefined whenever that walk does not find a value, and the caller then runs the full `resolve`
 * (arrays, flattened dotted keys), so the answer is always the same as `resolve`'s.
 */
function walk(event: object, parts: readonly string[]): unknown {
  let value: unknown = event;
  for (let i = 0; i < parts.length; i++) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const key = parts[i] ?? '';
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** One getter per field name for all rules, so that inside an event scope each field is read once. */
const interned = new Map<string, FieldGetter>();

/**
 * Compiles a dotted ECS field name (`source.ip`) into a getter, once at load. Every rule reading
 * the same field gets the same getter, memoized per event inside `eventScope` (see
 * `memoPerEvent`; inlined here, this being the hottest closure of rule matching).
 */
export function compileFieldGetter(field: string): FieldGetter {
  let getter = interned.get(field);
  if (getter === undefined) {
    getter = memoizedGetter(field);
    // Field names come from rules: bounded in practice; the bound only stops sharing, never answers.
    if (interned.size >= 100_000) interned.clear();
    interned.set(field, getter);
  }
  return getter;
}

function memoizedGetter(field: string): FieldGetter {
  const path = fieldPath(field);
  const { parts } = path;
  const single = parts.length === 1;
  let seenEpoch = 0;
  let seenEvent: object | undefined;
  let seen: unknown;
  return (event) => {
    const epoch = scopeState.epoch;
    if (epoch !== 0 && epoch === seenEpoch && event === seenEvent) return seen;
    let value: unknown;
    if (single) value = Object.hasOwn(event, field) ? (event as Record<string, unknown>)[field] : undefined;
    else {
      value = walk(event, parts);
      if (value === undefined) value = resolve(event, path, 0);
    }
    if (epoch !== 0) {
      seenEpoch = epoch;
      seenEvent = event;
      seen = value;
    }
    return value;
  };
}
