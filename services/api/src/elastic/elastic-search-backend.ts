import type { Client } from '@vigil/elastic';
import { IndexNames, toElasticError } from '@vigil/elastic';
import {
  fromEsAggsResponse,
  fromEsSearchResponse,
  planAggs,
  planSearch,
  QueryError,
  toEsAggsBody,
  toEsSearchBody,
  type AggRequest,
  type AggResult,
  type EsAggsResponse,
  type EsSearchResponse,
  type FieldCatalog,
  type SearchIndex,
  type SearchPage,
  type SearchRequest,
} from '@vigil/query';
import { apiCatalogs } from '../catalog/api-catalogs.js';
import type { SearchBackend } from '../ports/search-backend.js';

type Doc = Record<string, unknown>;

/** Search over Vigil's Elasticsearch indices, with DSL built by `@vigil/query` (never query_string). */
export class ElasticSearchBackend implements SearchBackend {
  private readonly names: IndexNames;

  constructor(
    private readonly client: Client,
    indexPrefix: string,
    private readonly catalogs: Readonly<Record<SearchIndex, FieldCatalog>> = apiCatalogs(),
    private readonly now: () => number = Date.now,
  ) {
    this.names = new IndexNames(indexPrefix);
  }

  private target(index: SearchIndex): string {
    return index === 'incidents' ? this.names.incidents : this.names.pattern(index);
  }

  private async run<T>(index: SearchIndex, body: Record<string, unknown>): Promise<T> {
    try {
      // The body holds only structured clauses built by @vigil/query from a bound query.
      const response: unknown = await this.client.search({
        index: this.target(index),
        ignore_unavailable: true,
        allow_no_indices: true,
        ...body,
      });
      return response as T;
    } catch (error) {
      throw toElasticError(error, `searching ${index}`);
    }
  }

  catalog(index: SearchIndex): FieldCatalog {
    return this.catalogs[index];
  }

  async search(index: SearchIndex, request: SearchRequest): Promise<SearchPage<Doc>> {
    const plan = planSearch(this.catalogs[index], request, { now: this.now() });
    if (!plan.ok) throw new QueryError(plan.problem);
    const response = await this.run<EsSearchResponse<Doc>>(index, toEsSearchBody(plan.value));
    return fromEsSearchResponse(plan.value, response);
  }

  async aggregate(index: SearchIndex, request: AggRequest): Promise<AggResult> {
    const plan = planAggs(this.catalogs[index], request, { now: this.now() });
    if (!plan.ok) throw new QueryError(plan.problem);
    return fromEsAggsResponse(plan.value, await this.run<EsAggsResponse>(index, toEsAggsBody(plan.value)));
  }

  async getByIds(index: SearchIndex, ids: readonly string[]): Promise<Doc[]> {
    if (ids.length === 0) return [];
    // Daily indices: the index of an id is not known, so look ids up with a terms query.
    const idField = this.catalogs[index].idField;
    const response = await this.run<EsSearchResponse<Doc>>(index, {
      query: { terms: { [idField]: [...ids] } },
      size: ids.length,
    });
    const byId = new Map<string, Doc>();
    for (const hit of response.hits.hits) {
      const source = hit._source;
      const id = source === undefined ? undefined : idOf(source, idField);
      if (source !== undefined && id !== undefined && !byId.has(id)) byId.set(id, source);
    }
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc === undefined ? [] : [doc];
    });
  }
}

function idOf(doc: Doc, field: string): string | undefined {
  let node: unknown = doc;
  for (const part of field.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}
