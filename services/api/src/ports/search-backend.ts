import type {
  AggRequest,
  AggResult,
  FieldCatalog,
  SearchIndex,
  SearchPage,
  SearchRequest,
} from '@vigil/query';

/**
 * History search over events, alerts and incidents. Implementations: in memory (`MemorySearchBackend`,
 * the embedded store of `vigil run`) and Elasticsearch (through `@vigil/elastic`). Both plan queries
 * with `@vigil/query`, so a query means the same on either. Refused queries throw `QueryError`.
 */
export interface SearchBackend {
  search(index: SearchIndex, request: SearchRequest): Promise<SearchPage<Record<string, unknown>>>;
  aggregate(index: SearchIndex, request: AggRequest): Promise<AggResult>;
  /** Documents by id, in the order asked; missing ids are skipped. */
  getByIds(index: SearchIndex, ids: readonly string[]): Promise<Record<string, unknown>[]>;
  /** The searchable fields of an index. */
  catalog(index: SearchIndex): FieldCatalog;
}
