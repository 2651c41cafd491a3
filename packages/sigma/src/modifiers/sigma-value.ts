import type { SigmaString } from '../match/sigma-string.js';

export interface RegexFlags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
}

export type CompareOperator = 'lt' | 'lte' | 'gt' | 'gte';
export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** A typed value of a detection item, as value modifiers transform it (pySigma's SigmaType family). */
export type SigmaValue =
  | { readonly kind: 'string'; readonly value: SigmaString; readonly raw: string; readonly cased: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'null' }
  | {
      readonly kind: 'regex';
      readonly pattern: string;
      readonly flags: RegexFlags;
      readonly anchorStart: boolean;
      readonly anchorEnd: boolean;
    }
  | { readonly kind: 'cidr'; readonly network: string }
  | { readonly kind: 'compare'; readonly op: CompareOperator; readonly value: number }
  | { readonly kind: 'exists'; readonly value: boolean }
  | {
      readonly kind: 'fieldref';
      /** Already mapped to the event's field names. */
      readonly fields: readonly string[];
      readonly startsWith: boolean;
      readonly endsWith: boolean;
      readonly cased: boolean;
    }
  | { readonly kind: 'timepart'; readonly unit: TimePart; readonly value: number }
  /** Alternatives produced by one value (base64offset): OR-linked even under `all`. */
  | { readonly kind: 'expansion'; readonly values: readonly SigmaValue[] };

export type SigmaValueKind = SigmaValue['kind'];

export function describeValue(value: SigmaValue): string {
  switch (value.kind) {
    case 'string':
      return `string '${value.raw}'`;
    case 'number':
    case 'bool':
      return `${value.kind} ${String(value.value)}`;
    case 'null':
      return 'null';
    default:
      return value.kind;
  }
}
