import type { BoundQuery, BoundRange } from '../bind/bound-query.js';
import { toEsWildcard } from '../wildcard/wildcard-pattern.js';

/** An Elasticsearch query DSL clause, as a plain JSON object. */
export type EsQuery = Record<string, unknown>;

function rangeClause(node: BoundRange): EsQuery {
  const bounds: Record<string, unknown> = {};
  for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
    const value = node[op];
    if (value === undefined) continue;
    bounds[op] = node.type === 'date' ? new Date(value).toISOString() : value;
  }
  if (node.type === 'date') bounds['format'] = 'strict_date_optional_time';
  return { range: { [node.field]: bounds } };
}

/**
 * Translates a bound query to Elasticsearch's query DSL, built only from structured clauses
 * (bool/term/wildcard/range/exists/match_phrase): user text is only ever a clause's value, never
 * query_string syntax or a script, so nothing typed can change the query's shape.
 */
export function toEsQuery(node: BoundQuery): EsQuery {
  switch (node.kind) {
    case 'all':
      return { match_all: {} };
    case 'and':
      return { bool: { filter: node.children.map(toEsQuery) } };
    case 'or':
      return { bool: { should: node.children.map(toEsQuery), minimum_should_match: 1 } };
    case 'not':
      return { bool: { must_not: [toEsQuery(node.child)] } };
    case 'term':
    case 'ip':
      return { term: { [node.field]: { value: node.value } } };
    case 'phrase':
      return { match_phrase: { [node.field]: { query: node.text } } };
    case 'wildcard':
      return {
        wildcard: {
          [node.field]:
            node.on === 'token'
              ? { value: toEsWildcard(node.parts), case_insensitive: true }
              : { value: toEsWildcard(node.parts) },
        },
      };
    case 'range':
      return rangeClause(node);
    case 'exists':
      return { exists: { field: node.field } };
  }
}
