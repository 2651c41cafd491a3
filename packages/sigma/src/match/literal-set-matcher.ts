import { WILDCARD_ANY, type SigmaString } from './sigma-string.js';

export type LiteralShape = 'equals' | 'contains' | 'startswith' | 'endswith';

/** The shape of a wildcard string made of one literal: `lit`, `*lit*`, `lit*` or `*lit`. */
export function literalShape(value: SigmaString): { shape: LiteralShape; literal: string } | undefined {
  const { parts } = value;
  const [a, b, c] = parts;
  if (parts.length === 1 && typeof a === 'string') return { shape: 'equals', literal: a };
  if (parts.length === 3 && a === WILDCARD_ANY && typeof b === 'string' && c === WILDCARD_ANY)
    return { shape: 'contains', literal: b };
  if (parts.length === 2 && typeof a === 'string' && b === WILDCARD_ANY)
    return { shape: 'startswith', literal: a };
  if (parts.length === 2 && a === WILDCARD_ANY && typeof b === 'string')
    return { shape: 'endswith', literal: b };
  return undefined;
}

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * One test for many literals of the same shape (a keyword list, `|contains:` with 30 values):
 * equality is a Set lookup; the others one native alternation of escaped literals. The pattern has
 * no quantifier, group repetition or backreference, so V8's engine cannot backtrack
 * catastrophically: cost is bounded by text length x total literal length, like a loop of
 * `includes`, but several times faster.
 */
export function compileLiteralSet(
  shape: LiteralShape,
  literals: readonly string[],
): (text: string) => boolean {
  if (shape === 'equals') {
    const set = new Set(literals);
    return (text) => set.has(text);
  }
  const alternation = literals.map(escape).join('|');
  const source =
    shape === 'contains'
      ? alternation
      : shape === 'startswith'
        ? `^(?:${alternation})`
        : `(?:${alternation})$`;
  const regex = new RegExp(source);
  return (text) => regex.test(text);
}
