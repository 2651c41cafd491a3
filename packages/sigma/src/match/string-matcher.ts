import { lowerCase } from './lower-case.js';
import { WILDCARD_ANY, WILDCARD_ONE, type SigmaString } from './sigma-string.js';

/** Tests a string against a compiled Sigma string; linear-time string operations, no backtracking. */
export type StringMatcher = (text: string) => boolean;

/** A fixed-length run of characters; `?` positions are null. Literal runs use native string search. */
interface Segment {
  readonly length: number;
  readonly literal?: string;
  readonly chars: readonly (string | null)[];
}

function toSegment(parts: readonly (string | typeof WILDCARD_ONE)[]): Segment {
  const chars: (string | null)[] = [];
  for (const part of parts) {
    if (part === WILDCARD_ONE) chars.push(null);
    else for (let i = 0; i < part.length; i++) chars.push(part.charAt(i));
  }
  const literal = chars.includes(null) ? undefined : chars.join('');
  return literal === undefined ? { length: chars.length, chars } : { length: chars.length, literal, chars };
}

function segmentAt(text: string, segment: Segment, at: number): boolean {
  if (segment.literal !== undefined) return text.startsWith(segment.literal, at);
  const { chars } = segment;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch !== null && text[at + i] !== ch) return false;
  }
  return true;
}

function findSegment(text: string, segment: Segment, from: number): number {
  if (segment.literal !== undefined) return text.indexOf(segment.literal, from);
  const last = text.length - segment.length;
  for (let at = from; at <= last; at++) if (segmentAt(text, segment, at)) return at;
  return -1;
}

/**
 * Glob matching of `s0*s1*...*sk` (each s a fixed-length run of characters and `?`): s0 at the
 * start, sk at the end, the middle ones at their leftmost place. Leftmost placement is always
 * correct for fixed-length segments, so there is no backtracking: O(text x pattern) worst case.
 */
function globMatcher(parts: readonly SigmaString['parts'][number][]): StringMatcher {
  const segments: Segment[] = [];
  let current: (string | typeof WILDCARD_ONE)[] = [];
  for (const part of parts) {
    if (part === WILDCARD_ANY) {
      segments.push(toSegment(current));
      current = [];
    } else {
      current.push(part);
    }
  }
  segments.push(toSegment(current));
  const first = segments[0] ?? toSegment([]);
  const lastSegment = segments.at(-1) ?? first;
  if (segments.length === 1) {
    return (text) => text.length === first.length && segmentAt(text, first, 0);
  }
  const middle = segments.slice(1, -1);
  const minLength = segments.reduce((sum, segment) => sum + segment.length, 0);
  return (text) => {
    if (text.length < minLength) return false;
    if (!segmentAt(text, first, 0)) return false;
    const end = text.length - lastSegment.length;
    if (!segmentAt(text, lastSegment, end)) return false;
    let pos = first.length;
    for (const segment of middle) {
      const found = findSegment(text, segment, pos);
      if (found < 0 || found + segment.length > end) return false;
      pos = found + segment.length;
    }
    return pos <= end;
  };
}

/** Matches exactly as written; callers lowercase both sides themselves for case-insensitive use. */
export function caseSensitiveMatcher(value: SigmaString): StringMatcher {
  const { parts } = value;
  const literalOnly = parts.every((part) => typeof part === 'string');
  if (literalOnly) {
    const text = parts.join('');
    return (candidate) => candidate === text;
  }
  // The common shapes get the fastest string primitive.
  if (parts.length === 2 && typeof parts[0] === 'string' && parts[1] === WILDCARD_ANY) {
    const prefix = parts[0];
    return (candidate) => candidate.startsWith(prefix);
  }
  if (parts.length === 2 && parts[0] === WILDCARD_ANY && typeof parts[1] === 'string') {
    const suffix = parts[1];
    return (candidate) => candidate.endsWith(suffix);
  }
  if (
    parts.length === 3 &&
    parts[0] === WILDCARD_ANY &&
    typeof parts[1] === 'string' &&
    parts[2] === WILDCARD_ANY
  ) {
    const infix = parts[1];
    return (candidate) => candidate.includes(infix);
  }
  if (parts.length === 1 && parts[0] === WILDCARD_ANY) return () => true;
  return globMatcher(parts);
}

/** The same Sigma string with its literal text lowercased. */
export function lowerSigmaString(value: SigmaString): SigmaString {
  return { parts: value.parts.map((part) => (typeof part === 'string' ? part.toLowerCase() : part)) };
}

/** Compiles a Sigma string; case-insensitive (Sigma's default) unless `cased`. */
export function compileStringMatcher(value: SigmaString, cased: boolean): StringMatcher {
  if (cased) return caseSensitiveMatcher(value);
  const matcher = caseSensitiveMatcher(lowerSigmaString(value));
  return (candidate) => matcher(lowerCase(candidate));
}
