import { bindQuery, type BindOptions } from './bind/bind-query.js';
import type { BoundQuery } from './bind/bound-query.js';
import type { FieldCatalog } from './catalog/field-catalog.js';
import type { QueryResult } from './error/query-problem.js';
import { toEsQuery, type EsQuery } from './es/to-es-query.js';
import { toPredicate, type DocPredicate } from './memory/to-predicate.js';
import { parseQuery } from './parser/parse-query.js';

export interface CompiledQuery {
  readonly bound: BoundQuery;
  readonly es: EsQuery;
  readonly matches: DocPredicate;
}

/** Query text to both forms at once: the Elasticsearch DSL and the in-memory predicate. */
export function compileQuery(
  text: string,
  catalog: FieldCatalog,
  options: BindOptions = {},
): QueryResult<CompiledQuery> {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const bound = bindQuery(parsed.value, catalog, options);
  if (!bound.ok) return bound;
  return {
    ok: true,
    value: { bound: bound.value, es: toEsQuery(bound.value), matches: toPredicate(bound.value) },
  };
}
