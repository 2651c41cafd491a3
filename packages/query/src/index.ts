export type { QueryNode, QueryValue, ValuePart, RangeOperator } from './ast/query-ast.js';
export { tokenize } from './lexer/tokenize.js';
export type { Token, TokenKind } from './lexer/token.js';
export { parseQuery } from './parser/parse-query.js';
export { type QueryProblem, type QueryResult } from './error/query-problem.js';
export { QueryError } from './error/query-error.js';
export { FieldCatalog, FIELD_TYPES, type FieldType, type FieldCatalogSpec } from './catalog/field-catalog.js';
export { fieldsFromMapping, catalogFromMapping, type MappedFields } from './catalog/catalog-from-mapping.js';
export {
  eventsCatalog,
  alertsCatalog,
  incidentsCatalog,
  defaultCatalogs,
  SEARCH_INDEXES,
  type SearchIndex,
} from './catalog/default-catalogs.js';
export { bindQuery, type BindOptions } from './bind/bind-query.js';
export type { BoundQuery } from './bind/bound-query.js';
export { parseDate } from './bind/parse-date.js';
export { analyzeText } from './text/analyze-text.js';
export { toEsQuery, type EsQuery } from './es/to-es-query.js';
export { toPredicate, type DocPredicate } from './memory/to-predicate.js';
export { fieldValues } from './memory/field-values.js';
export { compileQuery, type CompiledQuery } from './compile-query.js';
export {
  searchRequestSchema,
  TOTAL_HITS_LIMIT,
  type SearchRequest,
  type SearchRequestInput,
  type SearchPage,
} from './search/search-request.schema.js';
export {
  planSearch,
  planQuery,
  type SearchPlan,
  type SortKey,
  type PlanOptions,
} from './search/plan-search.js';
export { encodeCursor, decodeCursor, type SortValue } from './search/cursor.js';
export { searchInMemory } from './search/memory-search.js';
export { toEsSearchBody, fromEsSearchResponse, type EsSearchResponse } from './search/es-search.js';
export {
  aggRequestSchema,
  type AggRequest,
  type AggResult,
  type TermsBucket,
  type HistogramBucket,
} from './aggs/agg-request.schema.js';
export { planAggs, type AggPlan } from './aggs/plan-aggs.js';
export { toEsAggsBody, fromEsAggsResponse, type EsAggsResponse } from './aggs/es-aggs.js';
export { aggregateInMemory } from './aggs/memory-aggs.js';
export { parseInterval, formatInterval, autoInterval } from './aggs/interval.js';
