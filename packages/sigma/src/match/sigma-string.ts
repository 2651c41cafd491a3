/** A Sigma string value: literal text and the two wildcards, after escapes are resolved. */
export type SigmaStringPart = string | typeof WILDCARD_ANY | typeof WILDCARD_ONE;

export const WILDCARD_ANY: unique symbol = Symbol('*');
export const WILDCARD_ONE: unique symbol = Symbol('?');

export interface SigmaString {
  readonly parts: readonly SigmaStringPart[];
}

/**
 * Parses Sigma's string syntax: `*` and `?` are wildcards, `\` escapes `*`, `?` and `\` itself;
 * a backslash before any other character is a plain backslash (so `C:\Windows` needs no escaping).
 */
export function parseSigmaString(raw: string): SigmaString {
  const parts: SigmaStringPart[] = [];
  let literal = '';
  const flush = (): void => {
    if (literal.length > 0) parts.push(literal);
    literal = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        literal += next;
        i++;
      } else {
        literal += '\\';
      }
    } else if (c === '*') {
      flush();
      // `**` means the same as `*`.
      if (parts.at(-1) !== WILDCARD_ANY) parts.push(WILDCARD_ANY);
    } else if (c === '?') {
      flush();
      parts.push(WILDCARD_ONE);
    } else {
      literal += c;
    }
  }
  flush();
  return { parts };
}

/** A string that is only literal text (no wildcard), as a Sigma string. */
export function literalSigmaString(text: string): SigmaString {
  return { parts: text.length > 0 ? [text] : [] };
}

export function hasWildcards(value: SigmaString): boolean {
  return value.parts.some((part) => typeof part !== 'string');
}

export function plainText(value: SigmaString): string {
  return value.parts
    .map((part) => (typeof part === 'string' ? part : part === WILDCARD_ANY ? '*' : '?'))
    .join('');
}

/** Puts `*` in front and/or at the end unless already there (contains/startswith/endswith). */
export function wrapWildcards(value: SigmaString, before: boolean, after: boolean): SigmaString {
  const parts = [...value.parts];
  if (before && parts[0] !== WILDCARD_ANY) parts.unshift(WILDCARD_ANY);
  if (after && parts.at(-1) !== WILDCARD_ANY) parts.push(WILDCARD_ANY);
  return { parts };
}
