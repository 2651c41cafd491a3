/**
 * The parsed query, before fields are checked against an index: what the analyst typed, as a tree.
 * Positions are 0-based character offsets into the query text, for error messages.
 */

/** One piece of an unquoted value: literal text, or a `*` (any run) / `?` (one character) wildcard. */
export type ValuePart = { readonly literal: string } | { readonly wildcard: '*' | '?' };

export interface QueryValue {
  /** The value with escapes removed and wildcards kept as typed (for messages). */
  readonly text: string;
  readonly quoted: boolean;
  /** Literal and wildcard pieces; a quoted value is always one literal. */
  readonly parts: readonly ValuePart[];
  readonly position: number;
}

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type QueryNode =
  | { readonly kind: 'all' }
  | { readonly kind: 'and'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'or'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'not'; readonly child: QueryNode }
  /** `field:value`, or free text when `field` is null. */
  | {
      readonly kind: 'match';
      readonly field: string | null;
      readonly value: QueryValue;
      readonly position: number;
    }
  | { readonly kind: 'exists'; readonly field: string; readonly position: number }
  | {
      readonly kind: 'range';
      readonly field: string;
      readonly op: RangeOperator;
      readonly value: QueryValue;
      readonly position: number;
    };

/** Whether a value holds any wildcard. */
export function hasWildcard(value: QueryValue): boolean {
  return value.parts.some((part) => 'wildcard' in part);
}
