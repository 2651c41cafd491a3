import {
  aggregateInMemory,
  fieldValues,
  planAggs,
  planSearch,
  QueryError,
  searchInMemory,
  type AggRequest,
  type AggResult,
  type FieldCatalog,
  type SearchIndex,
  type SearchPage,
  type SearchRequest,
} from '@vigil/query';
import { apiCatalogs } from '../catalog/api-catalogs.js';
import type { SearchBackend } from '../ports/search-backend.js';

export type DocSource = () => Iterable<Record<string, unknown>>;

/** Search over in-process documents with the same semantics as the Elasticsearch backend. */
export class MemorySearchBackend implements SearchBackend {
  constructor(
    private readonly sources: Readonly<Record<SearchIndex, DocSource>>,
    private readonly catalogs: Readonly<Record<SearchIndex, FieldCatalog>> = apiCatalogs(),
    private readonly now: () => number = Date.now,
  ) {}

  search(index: SearchIndex, request: SearchRequest): Promise<SearchPage<Record<string, unknown>>> {
    const plan = planSearch(this.catalogs[index], request, { now: this.now() });
    if (!plan.ok) return Promise.reject(new QueryError(plan.problem));
    return Promise.resolve(searchInMemory(this.sources[index](), plan.value));
  }

  aggregate(index: SearchIndex, request: AggRequest): Promise<AggResult> {
    const plan = planAggs(this.catalogs[index], request, { now: this.now() });
    if (!plan.ok) return Promise.reject(new QueryError(plan.problem));
    return Promise.resolve(aggregateInMemory(this.sources[index](), plan.value));
  }

  catalog(index: SearchIndex): FieldCatalog {
    return this.catalogs[index];
  }

  getByIds(index: SearchIndex, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    const wanted = new Set(ids);
    const idField = this.catalogs[index].idField;
    const found = new Map<string, Record<string, unknown>>();
    for (const doc of this.sources[index]()) {
      const id = fieldValues(doc, idField)[0];
      if (typeof id === 'string' && wanted.has(id) && !found.has(id)) found.set(id, doc);
      if (found.size === wanted.size) break;
    }
    return Promise.resolve(
      ids.flatMap((id): Record<string, unknown>[] => {
        const doc = found.get(id);
        return doc === undefined ? [] : [doc];
      }),
    );
  }
}
