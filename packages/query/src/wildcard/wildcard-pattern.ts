import type { ValuePart } from '../ast/query-ast.js';

/** The pattern for Elasticsearch's `wildcard` query: literals with `*`, `?` and `\` escaped. */
export function toEsWildcard(parts: readonly ValuePart[]): string {
  return parts
    .map((part) => ('literal' in part ? part.literal.replace(/[\\*?]/g, (c) => `\\${c}`) : part.wildcard))
    .join('');
}

/**
 * The same pattern as an anchored RegExp. Wildcards are the only metacharacters (everything else
 * is escaped) and consecutive `*` collapse, so matching stays linear enough for log-sized values.
 */
export function toWildcardRegExp(parts: readonly ValuePart[]): RegExp {
  let source = '';
  let lastStar = false;
  for (const part of parts) {
    if ('literal' in part) {
      source += part.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      lastStar = false;
    } else if (part.wildcard === '?') {
      source += '.';
      lastStar = false;
    } else if (!lastStar) {
      source += '.*';
      lastStar = true;
    }
  }
  return new RegExp(`^${source}$`, 'su');
}
