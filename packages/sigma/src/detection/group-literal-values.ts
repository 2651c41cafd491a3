import { compileLiteralSet, literalShape, type LiteralShape } from '../match/literal-set-matcher.js';
import type { SigmaValue } from '../modifiers/sigma-value.js';

// Below this, one closure per value is as fast as a combined matcher.
const MIN_GROUP = 3;

export interface LiteralGroup {
  readonly cased: boolean;
  /** Tests the text (already lowercased when the group is case-insensitive). */
  readonly match: (text: string) => boolean;
}

/**
 * Splits OR-linked values into groups of one-literal strings of the same shape and case (each
 * compiled into one Set or alternation) and the rest, compiled one by one by the caller.
 */
export function groupLiteralValues(values: readonly SigmaValue[]): {
  groups: LiteralGroup[];
  rest: SigmaValue[];
} {
  const buckets = new Map<
    string,
    { shape: LiteralShape; cased: boolean; literals: string[]; values: SigmaValue[] }
  >();
  const rest: SigmaValue[] = [];
  for (const value of values) {
    const literal = value.kind === 'string' ? literalShape(value.value) : undefined;
    if (value.kind !== 'string' || literal === undefined) {
      rest.push(value);
      continue;
    }
    const key = `${literal.shape}:${String(value.cased)}`;
    const bucket = buckets.get(key) ?? { shape: literal.shape, cased: value.cased, literals: [], values: [] };
    bucket.literals.push(value.cased ? literal.literal : literal.literal.toLowerCase());
    bucket.values.push(value);
    buckets.set(key, bucket);
  }
  const groups: LiteralGroup[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.literals.length < MIN_GROUP) rest.push(...bucket.values);
    else groups.push({ cased: bucket.cased, match: compileLiteralSet(bucket.shape, bucket.literals) });
  }
  return { groups, rest };
}
