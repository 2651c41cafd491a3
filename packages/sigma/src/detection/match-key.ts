import type { EventPredicate, MatchKey } from '@vigil/rule-engine';
import { compileFieldGetter } from '../field/field-getter.js';
import { lowerCase } from '../match/lower-case.js';

/** A predicate's routing key, with the event field it reads. */
export interface FieldKey {
  readonly field: string;
  readonly key: MatchKey;
}

/** Keys of compiled predicates: set on plain items, carried up through ANDs. */
const keys = new WeakMap<EventPredicate, FieldKey>();

/** One `keysOf` per field, so the engine indexes every rule keyed on that field together. */
const keyReaders = new Map<string, MatchKey['keysOf']>();

function lowerText(scalar: unknown): string | undefined {
  if (typeof scalar === 'string') return lowerCase(scalar);
  if (typeof scalar === 'number' || typeof scalar === 'boolean' || typeof scalar === 'bigint')
    return lowerCase(String(scalar));
  return undefined;
}

/**
 * The keys of an event for a field: the lowercased text of its value, or of each scalar element
 * of a list, exactly what a case-insensitive equality item compares (see `textTest`).
 */
function keyReader(field: string): MatchKey['keysOf'] {
  let reader = keyReaders.get(field);
  if (reader === undefined) {
    const read = compileFieldGetter(field);
    reader = (event) => {
      const value = read(event);
      if (typeof value === 'string') return lowerCase(value);
      if (!Array.isArray(value)) return lowerText(value);
      const texts: string[] = [];
      for (const element of value as unknown[]) {
        const text = Array.isArray(element) ? undefined : lowerText(element);
        if (text !== undefined) texts.push(text);
      }
      return texts;
    };
    keyReaders.set(field, reader);
  }
  return reader;
}

/**
 * Marks a plain item `field: [literals]` (case-insensitive equality, no wildcard): it can only
 * match events whose field has one of the literals, lowercased. `literals` may hold more than
 * the item matches (a superset stays a necessary condition), never less.
 */
export function keyItem(predicate: EventPredicate, field: string, literals: readonly string[]): void {
  keys.set(predicate, { field, key: { keysOf: keyReader(field), values: literals } });
}

export function keyOf(predicate: EventPredicate): FieldKey | undefined {
  return keys.get(predicate);
}

/**
 * `all` holds only if every part does, so any part's key is the whole's. Routing already splits
 * events by `event.dataset`: a key on another field narrows more.
 */
export function keyAll(all: EventPredicate, parts: readonly EventPredicate[]): EventPredicate {
  let chosen: FieldKey | undefined;
  for (const part of parts) {
    const key = keys.get(part);
    if (key === undefined) continue;
    chosen ??= key;
    if (key.field !== 'event.dataset') {
      chosen = key;
      break;
    }
  }
  if (chosen !== undefined) keys.set(all, chosen);
  return all;
}
