import { RE2JS } from 're2js';
import { isLabelName, labelValues, type Labels } from '../labels/labels.js';

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  readonly name: string;
  readonly op: MatchOperator;
  readonly value: string;
  /** The source text, for messages. */
  readonly text: string;
  readonly test: (labels: Labels) => boolean;
}

export type MatcherResult =
  { readonly ok: true; readonly matcher: Matcher } | { readonly ok: false; readonly error: string };

const SYNTAX = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/s;
/** Patterns are linear-time in RE2 whatever their shape; the cap bounds compile time and memory. */
const MAX_PATTERN = 1000;

function unquote(raw: string): string | undefined {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses an Alertmanager-style matcher: `level="critical"`, `tag=~"attack\\.t1110(\\..*)?"`,
 * `host_group!="lab"`. Regexes are RE2 (re2js: no backtracking) and anchored at both ends.
 * On a multi-valued label `=`/`=~` need some value to match, `!=`/`!~` need that none does.
 */
export function parseMatcher(text: string): MatcherResult {
  const match = SYNTAX.exec(text);
  if (match === null)
    return { ok: false, error: `"${text}" is not a matcher (expected name=value, !=, =~ or !~)` };
  const [, name = '', op = '=', raw = ''] = match;
  if (!isLabelName(name)) return { ok: false, error: `unknown label "${name}" in matcher "${text}"` };
  const value = unquote(raw);
  if (value === undefined) return { ok: false, error: `bad quoted value in matcher "${text}"` };
  const operator = op as MatchOperator;
  let pred: (value: string) => boolean;
  if (operator === '=' || operator === '!=') {
    pred = (candidate) => candidate === value;
  } else {
    if (value.length > MAX_PATTERN)
      return { ok: false, error: `regex longer than ${MAX_PATTERN} in "${text}"` };
    let re: RE2JS;
    try {
      re = RE2JS.compile(value);
    } catch (error) {
      return { ok: false, error: `bad regex in matcher "${text}": ${(error as Error).message}` };
    }
    pred = (candidate) => re.matches(candidate);
  }
  const negative = operator === '!=' || operator === '!~';
  const test = (labels: Labels): boolean => {
    const any = labelValues(labels, name).some(pred);
    return negative ? !any : any;
  };
  return { ok: true, matcher: { name, op: operator, value, text, test } };
}

/** All matchers hold (an empty list matches everything). */
export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((m) => m.test(labels));
}
