import { toEsQuery } from '../es/to-es-query.js';
import { encodeCursor, type SortValue } from './cursor.js';
import type { SearchPlan } from './plan-search.js';
import { TOTAL_HITS_LIMIT, type SearchPage } from './search-request.schema.js';

const UNMAPPED_TYPE = { keyword: 'keyword', number: 'double', date: 'date' } as const;

/** The body of an Elasticsearch `_search` request for a plan (one extra hit tells whether a next page exists). */
export function toEsSearchBody(plan: SearchPlan): Record<string, unknown> {
  return {
    query: toEsQuery(plan.query),
    sort: plan.sort.map((key) => ({
      [key.field]: { order: key.order, missing: '_last', unmapped_type: UNMAPPED_TYPE[key.type] },
    })),
    size: plan.size + 1,
    track_total_hits: TOTAL_HITS_LIMIT,
    ...(plan.after === undefined ? {} : { search_after: plan.after }),
  };
}

/** The part of an Elasticsearch search response this reads. */
export interface EsSearchResponse<T> {
  readonly hits: {
    readonly total?: number | { readonly value: number; readonly relation: string };
    readonly hits: readonly { readonly _source?: T; readonly sort?: readonly unknown[] }[];
  };
}

export function fromEsSearchResponse<T>(plan: SearchPlan, response: EsSearchResponse<T>): SearchPage<T> {
  const all = response.hits.hits;
  const page = all.slice(0, plan.size);
  const last = page.at(-1);
  const total = response.hits.total;
  const sortValues = (last?.sort ?? []).map((value): SortValue =>
    typeof value === 'string' || typeof value === 'number' ? value : null,
  );
  return {
    hits: page.flatMap((hit) => (hit._source === undefined ? [] : [hit._source])),
    total:
      total === undefined
        ? { value: all.length, relation: 'eq' }
        : typeof total === 'number'
          ? { value: total, relation: 'eq' }
          : { value: total.value, relation: total.relation === 'gte' ? 'gte' : 'eq' },
    cursor: all.length > plan.size && last !== undefined ? encodeCursor(plan.signature, sortValues) : null,
  };
}
