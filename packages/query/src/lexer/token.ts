import type { ValuePart } from '../ast/query-ast.js';

export type TokenKind =
  'lparen' | 'rparen' | 'colon' | 'comparator' | 'word' | 'phrase' | 'and' | 'or' | 'not' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token (for messages). */
  readonly raw: string;
  readonly position: number;
  /** Words and phrases: the value pieces, escapes resolved. */
  readonly parts?: readonly ValuePart[];
  /** Comparators: which one. */
  readonly op?: 'gt' | 'gte' | 'lt' | 'lte';
}

export function describeToken(token: Token): string {
  return token.kind === 'eof' ? 'end of query' : `'${token.raw}'`;
}
