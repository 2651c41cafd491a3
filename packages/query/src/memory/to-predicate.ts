import { BlockList, isIP } from 'node:net';
import type { BoundQuery, BoundRange } from '../bind/bound-query.js';
import { analyzeText } from '../text/analyze-text.js';
import { toWildcardRegExp } from '../wildcard/wildcard-pattern.js';
import { fieldReader } from './field-values.js';

const ASCII = /^[\x00-\x7f]*$/;

export type DocPredicate = (doc: unknown) => boolean;

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A value as a date in epoch ms, as Elasticsearch's `date` type reads it (ISO strings or epoch ms). */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function rangePredicate(node: BoundRange): (value: unknown) => boolean {
  const convert: (value: unknown) => number | string | undefined =
    node.type === 'number'
      ? toNumber
      : node.type === 'date'
        ? toEpochMs
        : (v) => (isScalar(v) ? String(v) : undefined);
  const { gt, gte, lt, lte } = node;
  return (raw) => {
    const value = convert(raw);
    if (value === undefined) return false;
    if (gt !== undefined && !(value > gt)) return false;
    if (gte !== undefined && !(value >= gte)) return false;
    if (lt !== undefined && !(value < lt)) return false;
    if (lte !== undefined && !(value <= lte)) return false;
    return true;
  };
}

/** An IPv4 address as an unsigned 32-bit number, or undefined (a fast path: BlockList costs µs per check). */
function ipv4ToNumber(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function ipPredicate(cidr: string): (value: unknown) => boolean {
  const [base = '', bitsText] = cidr.split('/');
  const network = ipv4ToNumber(base);
  if (network !== undefined) {
    const bits = bitsText === undefined ? 32 : Number(bitsText);
    const size = 2 ** (32 - bits);
    const start = Math.floor(network / size) * size;
    const slow = slowIpTest(cidr);
    return (value) => {
      if (typeof value !== 'string') return false;
      const address = ipv4ToNumber(value);
      if (address !== undefined) return address >= start && address < start + size;
      // IPv4-mapped IPv6 and other spellings: the general check.
      return slow(value);
    };
  }
  return slowIpTest(cidr);
}

function slowIpTest(cidr: string): (value: unknown) => boolean {
  const list = new BlockList();
  const [address = '', bits] = cidr.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(bits), family);
  return (value) => {
    if (typeof value !== 'string') return false;
    const valueFamily = isIP(value);
    if (valueFamily === 0) return false;
    return list.check(value, valueFamily === 6 ? 'ipv6' : 'ipv4');
  };
}

/** A test on one field value: true when the value matches (the document matches if any value does). */
function valueTest(
  node: Exclude<BoundQuery, { kind: 'all' | 'and' | 'or' | 'not' | 'exists' }>,
): (value: unknown) => boolean {
  switch (node.kind) {
    case 'term': {
      const expected = node.value;
      if (typeof expected === 'number') return (value) => toNumber(value) === expected;
      if (typeof expected === 'boolean') return (value) => value === expected || value === String(expected);
      return (value) => isScalar(value) && String(value) === expected;
    }
    case 'ip':
      return ipPredicate(node.value);
    case 'phrase': {
      const needle = analyzeText(node.text);
      return (value) => {
        if (typeof value !== 'string') return false;
        // Cheap necessary condition first: in ASCII text every token is a substring of the lower-cased text.
        if (ASCII.test(value)) {
          const lower = value.toLowerCase();
          if (!needle.every((token) => lower.includes(token))) return false;
        }
        return containsSequence(analyzeText(value), needle);
      };
    }
    case 'wildcard': {
      const regex = toWildcardRegExp(node.parts);
      if (node.on === 'keyword') return (value) => isScalar(value) && regex.test(String(value));
      return (value) => typeof value === 'string' && analyzeText(value).some((token) => regex.test(token));
    }
    case 'range':
      return rangePredicate(node);
  }
}

/**
 * Compiles a bound query to a predicate over JSON documents with the same meaning as its
 * Elasticsearch translation (see `toEsQuery`): used by the embedded store of `vigil run`.
 */
export function toPredicate(node: BoundQuery): DocPredicate {
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const children = node.children.map(toPredicate);
      return (doc) => children.every((child) => child(doc));
    }
    case 'or': {
      const children = node.children.map(toPredicate);
      return (doc) => children.some((child) => child(doc));
    }
    case 'not': {
      const child = toPredicate(node.child);
      return (doc) => !child(doc);
    }
    case 'exists': {
      const read = fieldReader(node.source ?? node.field);
      return (doc) => read(doc).length > 0;
    }
    default: {
      const test = valueTest(node);
      const read = fieldReader(node.source ?? node.field);
      return (doc) => read(doc).some(test);
    }
  }
}
