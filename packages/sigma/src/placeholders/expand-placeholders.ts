import { RuleCompileError } from '../rule/rule-compile-error.js';

/** Resolves a placeholder name to its values, or undefined when no list defines it. */
export type PlaceholderLookup = (name: string) => readonly string[] | undefined;

const NAME = /^[A-Za-z0-9_.-]+$/;
// A value list times a value list can explode; a rule needing more than this is a mistake.
const MAX_EXPANSION = 10_000;

type Piece = { readonly literal: string } | { readonly placeholder: string };

function split(raw: string): Piece[] {
  const pieces: Piece[] = [];
  let literal = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '\\' && raw[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    if (c === '%') {
      const close = raw.indexOf('%', i + 1);
      const name = close < 0 ? '' : raw.slice(i + 1, close);
      if (NAME.test(name)) {
        if (literal.length > 0) pieces.push({ literal });
        literal = '';
        pieces.push({ placeholder: name });
        i = close;
        continue;
      }
    }
    literal += c;
  }
  if (literal.length > 0) pieces.push({ literal });
  return pieces;
}

/**
 * Sigma `expand`: `%name%` becomes each value of the list `name` (values are Sigma strings, so
 * they may hold wildcards); `\%` is a plain percent sign. Several placeholders give every
 * combination. Unknown placeholders reject the rule, as the specification requires.
 */
export function expandPlaceholders(
  raw: string,
  lookup: PlaceholderLookup,
): { values: string[]; placeholders: string[] } {
  let results = [''];
  const placeholders: string[] = [];
  for (const piece of split(raw)) {
    if ('literal' in piece) {
      results = results.map((prefix) => prefix + piece.literal);
      continue;
    }
    const values = lookup(piece.placeholder);
    if (values === undefined) {
      throw new RuleCompileError(
        'unknown_placeholder',
        `placeholder %${piece.placeholder}% is not defined by any list`,
      );
    }
    placeholders.push(piece.placeholder);
    if (results.length * values.length > MAX_EXPANSION) {
      throw new RuleCompileError(
        'invalid_value',
        `expanding '${raw}' gives more than ${MAX_EXPANSION} values`,
      );
    }
    results = results.flatMap((prefix) => values.map((value) => prefix + value));
  }
  return { values: results, placeholders };
}
