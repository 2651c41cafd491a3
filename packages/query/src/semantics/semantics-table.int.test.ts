import { stackEndpoints, uniqueName } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggRequestSchema } from '../aggs/agg-request.schema.js';
import { fromEsAggsResponse, toEsAggsBody, type EsAggsResponse } from '../aggs/es-aggs.js';
import { aggregateInMemory } from '../aggs/memory-aggs.js';
import { planAggs } from '../aggs/plan-aggs.js';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import type { FieldType } from '../catalog/field-catalog.js';
import { fromEsSearchResponse, toEsSearchBody, type EsSearchResponse } from '../search/es-search.js';
import { searchInMemory } from '../search/memory-search.js';
import { planSearch } from '../search/plan-search.js';
import { searchRequestSchema } from '../search/search-request.schema.js';
import { SEMANTICS_CASES, SEMANTICS_DOCS } from './semantics-table.js';

// The same table as the unit test, against a real Elasticsearch: the DSL translation must match
// exactly the documents the in-memory predicate matches.
const es = stackEndpoints.elasticsearchUrl;
const index = uniqueName('vigil-query-semantics');
const NOW = Date.parse('2024-03-04T00:00:00Z');
type Doc = (typeof SEMANTICS_DOCS)[number];

const ES_TYPE: Readonly<Record<FieldType, Record<string, unknown>>> = {
  keyword: { type: 'keyword' },
  text: { type: 'text' },
  number: { type: 'long' },
  date: { type: 'date' },
  ip: { type: 'ip' },
  boolean: { type: 'boolean' },
};

async function call<T>(method: string, path: string, body?: unknown, ndjson = false): Promise<T> {
  const response = await fetch(`${es}${path}`, {
    method,
    headers: { 'content-type': ndjson ? 'application/x-ndjson' : 'application/json' },
    ...(body === undefined ? {} : { body: ndjson ? (body as string) : JSON.stringify(body) }),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  const properties: Record<string, unknown> = {};
  for (const name of eventsCatalog.names()) {
    if (name.endsWith('*')) continue;
    const type = eventsCatalog.typeOf(name);
    if (type !== undefined) properties[name] = ES_TYPE[type];
  }
  await call('PUT', `/${index}`, {
    settings: { number_of_shards: 1, number_of_replicas: 0 },
    mappings: {
      dynamic_templates: [{ strings: { match_mapping_type: 'string', mapping: { type: 'keyword' } } }],
      properties,
    },
  });
  const lines = SEMANTICS_DOCS.flatMap((doc) => [
    JSON.stringify({ index: { _id: doc.event.id } }),
    JSON.stringify(doc),
  ]);
  const result = await call<{ errors: boolean }>(
    'POST',
    `/${index}/_bulk?refresh=true`,
    `${lines.join('\n')}\n`,
    true,
  );
  expect(result.errors).toBe(false);
});

afterAll(async () => {
  await call('DELETE', `/${index}`);
});

async function esSearch(
  input: Record<string, unknown>,
): Promise<{ ids: string[]; cursor: string | null; total: number }> {
  const planned = planSearch(eventsCatalog, searchRequestSchema.parse(input), { now: NOW });
  if (!planned.ok) throw new Error(planned.problem.message);
  const response = await call<EsSearchResponse<Doc>>(
    'POST',
    `/${index}/_search`,
    toEsSearchBody(planned.value),
  );
  const page = fromEsSearchResponse(planned.value, response);
  return { ids: page.hits.map((doc) => doc.event.id), cursor: page.cursor, total: page.total.value };
}

describe('query semantics table (Elasticsearch DSL)', () => {
  it.each(SEMANTICS_CASES)('$query', async ({ query, ids }) => {
    const { ids: found } = await esSearch({ query, size: 100, sort: [{ field: 'event.id', order: 'asc' }] });
    expect(found).toEqual(ids);
  });

  it('pages with search_after like the in-memory store', async () => {
    for (const sort of [
      undefined,
      [{ field: 'source.port', order: 'asc' }],
      [{ field: 'host.hostname', order: 'desc' }],
    ]) {
      const esPages: string[][] = [];
      const memoryPages: string[][] = [];
      let esCursor: string | null = null;
      let memoryCursor: string | null = null;
      do {
        const input = { size: 3, ...(sort === undefined ? {} : { sort }) };
        const page = await esSearch({ ...input, ...(esCursor === null ? {} : { cursor: esCursor }) });
        esPages.push(page.ids);
        esCursor = page.cursor;
        const planned = planSearch(
          eventsCatalog,
          searchRequestSchema.parse({ ...input, ...(memoryCursor === null ? {} : { cursor: memoryCursor }) }),
          { now: NOW },
        );
        if (!planned.ok) throw new Error(planned.problem.message);
        const memory = searchInMemory(SEMANTICS_DOCS, planned.value);
        memoryPages.push(memory.hits.map((doc) => doc.event.id));
        memoryCursor = memory.cursor;
      } while (esCursor !== null && esPages.length < 10);
      expect(esPages).toEqual(memoryPages);
      expect(esPages.flat().sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    }
  });

  it.each([
    { type: 'terms', field: 'event.dataset', size: '2' },
    { type: 'terms', field: 'tags' },
    { type: 'terms', field: 'source.port' },
    { type: 'terms', field: 'source.ip', query: 'not source.ip:10.0.0.0/8' },
    { type: 'date_histogram', from: '2024-03-01T00:00:00Z', to: '2024-03-04T00:00:00Z', interval: '1d' },
    { type: 'date_histogram', from: '2024-03-01T09:00:00Z', to: '2024-03-01T12:00:00Z', interval: '30m' },
  ])('aggregates $type $field like the in-memory store', async (input) => {
    const planned = planAggs(eventsCatalog, aggRequestSchema.parse(input), { now: NOW });
    if (!planned.ok) throw new Error(planned.problem.message);
    const response = await call<EsAggsResponse>('POST', `/${index}/_search`, toEsAggsBody(planned.value));
    expect(fromEsAggsResponse(planned.value, response)).toEqual(
      aggregateInMemory(SEMANTICS_DOCS, planned.value),
    );
  });
});
