import type { ValuePart } from '../ast/query-ast.js';
import { problemAt, type QueryResult } from '../error/query-problem.js';
import type { Token } from './token.js';

/** Characters that end an unquoted word unless escaped with a backslash. */
const DELIMITERS = new Set(['(', ')', ':', '"', '<', '>', '=']);
const KEYWORDS = new Map<string, 'and' | 'or' | 'not'>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);
const MAX_QUERY_LENGTH = 8192;

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Appends literal text, merging with a preceding literal piece. */
function pushLiteral(parts: ValuePart[], text: string): void {
  const last = parts.at(-1);
  if (last !== undefined && 'literal' in last) parts[parts.length - 1] = { literal: last.literal + text };
  else parts.push({ literal: text });
}

/**
 * Splits a query into tokens. A value right after `:` or a comparator may contain colons
 * (`@timestamp >= 2024-01-01T10:00:00Z`, `source.ip:fe80::1`); elsewhere a colon ends a field name.
 */
export function tokenize(text: string): QueryResult<Token[]> {
  if (text.length > MAX_QUERY_LENGTH) return problemAt(`query is longer than ${MAX_QUERY_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (isSpace(char)) {
      i++;
      continue;
    }
    const start = i;
    const previous = tokens.at(-1)?.kind;
    if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'lparen' : 'rparen', raw: char, position: start });
      i++;
    } else if (char === ':') {
      tokens.push({ kind: 'colon', raw: ':', position: start });
      i++;
    } else if (char === '<' || char === '>') {
      const withEquals = text[i + 1] === '=';
      const op = char === '<' ? (withEquals ? 'lte' : 'lt') : withEquals ? 'gte' : 'gt';
      const raw = withEquals ? `${char}=` : char;
      tokens.push({ kind: 'comparator', raw, position: start, op });
      i += raw.length;
    } else if (char === '=') {
      return problemAt(`unexpected '=': use field:value for equality`, start);
    } else if (char === '"') {
      let literal = '';
      i++;
      for (;;) {
        if (i >= text.length) return problemAt('unterminated quoted phrase', start);
        const c = text[i] ?? '';
        if (c === '\\') {
          if (i + 1 >= text.length) return problemAt('unterminated quoted phrase', start);
          literal += text[i + 1] ?? '';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          literal += c;
          i++;
        }
      }
      tokens.push({ kind: 'phrase', raw: text.slice(start, i), position: start, parts: [{ literal }] });
    } else {
      const colonsAllowed = previous === 'colon' || previous === 'comparator';
      const parts: ValuePart[] = [];
      let escaped = false;
      while (i < text.length) {
        const c = text[i] ?? '';
        if (isSpace(c)) break;
        if (c === ':' && colonsAllowed) {
          pushLiteral(parts, c);
          i++;
          continue;
        }
        if (DELIMITERS.has(c)) break;
        if (c === '\\') {
          if (i + 1 >= text.length) return problemAt('a backslash must escape a character', i);
          pushLiteral(parts, text[i + 1] ?? '');
          escaped = true;
          i += 2;
        } else if (c === '*' || c === '?') {
          parts.push({ wildcard: c });
          i++;
        } else {
          pushLiteral(parts, c);
          i++;
        }
      }
      const raw = text.slice(start, i);
      const keyword = escaped ? undefined : KEYWORDS.get(raw.toLowerCase());
      tokens.push(
        keyword === undefined
          ? { kind: 'word', raw, position: start, parts }
          : { kind: keyword, raw, position: start },
      );
    }
  }
  tokens.push({ kind: 'eof', raw: '', position: text.length });
  return { ok: true, value: tokens };
}
