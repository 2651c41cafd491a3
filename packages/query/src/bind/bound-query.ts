import type { ValuePart } from '../ast/query-ast.js';

/**
 * A query checked against a field catalog, with every value converted to its field's type. Both
 * translators (Elasticsearch DSL and the in-memory predicate) start from this one tree, so every
 * decision about meaning is taken once, here, and the two cannot drift apart.
 */
/** Leaves may carry `source`: where the field's values are in `_source` when it is a multi-field. */
interface Leaf {
  readonly field: string;
  readonly source?: string;
}

export type BoundQuery =
  | { readonly kind: 'all' }
  | { readonly kind: 'and'; readonly children: readonly BoundQuery[] }
  | { readonly kind: 'or'; readonly children: readonly BoundQuery[] }
  | { readonly kind: 'not'; readonly child: BoundQuery }
  /** Exact value of a keyword, number or boolean field (any element, for arrays). */
  | (Leaf & { readonly kind: 'term'; readonly value: string | number | boolean })
  /** An address or CIDR block on an `ip` field. */
  | (Leaf & { readonly kind: 'ip'; readonly value: string })
  /** Analysed text: the value's tokens appear consecutively. */
  | (Leaf & { readonly kind: 'phrase'; readonly text: string })
  /** A wildcard over a keyword's whole value, or over any single token of a text field (case-insensitively). */
  | {
      readonly kind: 'wildcard';
      readonly field: string;
      readonly source?: string;
      readonly on: 'keyword' | 'token';
      readonly parts: readonly ValuePart[];
    }
  | {
      readonly kind: 'range';
      readonly field: string;
      readonly source?: string;
      /** Dates are epoch milliseconds. */
      readonly type: 'number' | 'date' | 'keyword';
      readonly gt?: number | string;
      readonly gte?: number | string;
      readonly lt?: number | string;
      readonly lte?: number | string;
    }
  | (Leaf & { readonly kind: 'exists' });

export type BoundRange = Extract<BoundQuery, { kind: 'range' }>;
