import { bindQuery } from '../bind/bind-query.js';
import type { BoundQuery } from '../bind/bound-query.js';
import { parseDate } from '../bind/parse-date.js';
import type { FieldCatalog, FieldType } from '../catalog/field-catalog.js';
import { problemAt, type QueryResult } from '../error/query-problem.js';
import { parseQuery } from '../parser/parse-query.js';
import { decodeCursor, type SortValue } from './cursor.js';
import type { SearchRequest } from './search-request.schema.js';

export interface SortKey {
  readonly field: string;
  /** Where the values are in a document, for multi-fields (`user.name.keyword` → `user.name`). */
  readonly source: string;
  readonly order: 'asc' | 'desc';
  readonly type: 'keyword' | 'number' | 'date';
}

/** A validated search, ready for either backend. */
export interface SearchPlan {
  readonly index: string;
  /** The query with the time range folded in. */
  readonly query: BoundQuery;
  readonly sort: readonly SortKey[];
  readonly size: number;
  readonly after: readonly SortValue[] | undefined;
  /** Identifies index + sort, so a cursor is only accepted by the search that made it. */
  readonly signature: string;
}

export interface PlanOptions {
  readonly now?: number;
}

const SORTABLE = new Set<FieldType>(['keyword', 'number', 'date']);

/** Parses, binds and time-limits a query: shared by search and aggregations. */
export function planQuery(
  catalog: FieldCatalog,
  text: string,
  from: string | undefined,
  to: string | undefined,
  now: number,
): QueryResult<BoundQuery> {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const bound = bindQuery(parsed.value, catalog, { now });
  if (!bound.ok) return bound;
  const range: { gte?: number; lt?: number } = {};
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined) continue;
    const date = parseDate(value, now);
    if (date === undefined) return problemAt(`'${name}' is not a date: '${value}' (use ISO 8601 or now-15m)`);
    if (name === 'from') range.gte = date.ms;
    else range.lt = date.ms;
  }
  if (range.gte !== undefined && range.lt !== undefined && range.gte >= range.lt) {
    return problemAt(`'from' must be before 'to'`);
  }
  if (range.gte === undefined && range.lt === undefined) return bound;
  const time: BoundQuery = { kind: 'range', field: catalog.timeField, type: 'date', ...range };
  return {
    ok: true,
    value: bound.value.kind === 'all' ? time : { kind: 'and', children: [bound.value, time] },
  };
}

export function planSearch(
  catalog: FieldCatalog,
  request: SearchRequest,
  options: PlanOptions = {},
): QueryResult<SearchPlan> {
  const query = planQuery(catalog, request.query, request.from, request.to, options.now ?? Date.now());
  if (!query.ok) return query;
  const sort: SortKey[] = [];
  for (const key of request.sort ?? [{ field: catalog.timeField, order: 'desc' as const }]) {
    const type = catalog.typeOf(key.field);
    if (type === undefined)
      return problemAt(`cannot sort by unknown field '${key.field}' of ${catalog.name}`);
    if (!SORTABLE.has(type))
      return problemAt(`cannot sort by '${key.field}': only keyword, number and date fields sort`);
    const source = catalog.sourceOf(key.field);
    sort.push({ field: key.field, source, order: key.order, type: type as SortKey['type'] });
  }
  if (sort.at(-1)?.field !== catalog.idField) {
    sort.push({
      field: catalog.idField,
      source: catalog.sourceOf(catalog.idField),
      order: 'asc',
      type: 'keyword',
    });
  }
  const signature = `${catalog.name}|${sort.map((key) => `${key.field}:${key.order}`).join(',')}`;
  let after: SortValue[] | undefined;
  if (request.cursor !== undefined) {
    after = decodeCursor(request.cursor, signature, sort.length);
    if (after === undefined)
      return problemAt('the cursor is not valid for this search (it belongs to another sort or index)');
  }
  return {
    ok: true,
    value: { index: catalog.name, query: query.value, sort, size: request.size, after, signature },
  };
}
