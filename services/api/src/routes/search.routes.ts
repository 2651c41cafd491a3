import type { Permission } from '@vigil/auth';
import { aggRequestSchema, searchRequestSchema, SEARCH_INDEXES, type SearchIndex } from '@vigil/query';
import { z } from 'zod';
import { defineRoute, type Route } from '../http/route-def.js';
import type { SearchBackend } from '../ports/search-backend.js';

/** Raw events are the most sensitive: analysts and up. Alerts and incidents are for every reader. */
const SEARCH_PERMISSION: Readonly<Record<SearchIndex, Permission>> = {
  events: 'events:search',
  alerts: 'alerts:read',
  incidents: 'incidents:read',
};

const pageSchema = z.object({
  hits: z.array(z.record(z.string(), z.unknown())),
  total: z.object({ value: z.number().int(), relation: z.enum(['eq', 'gte']) }),
  cursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
});

const aggSchema = z.object({
  type: z.enum(['terms', 'date_histogram']),
  field: z.string(),
  interval: z.string().optional(),
  other: z.number().int().optional(),
  buckets: z.array(
    z.object({
      key: z.union([z.string(), z.number()]),
      time: z.string().optional(),
      count: z.number().int(),
    }),
  ),
});

export function searchRoutes(search: SearchBackend): Route[] {
  return SEARCH_INDEXES.flatMap((index) => [
    defineRoute({
      method: 'POST',
      path: `/api/v1/search/${index}`,
      summary: `Search ${index} with a query, a time range, a sort and a cursor`,
      tag: 'search',
      access: SEARCH_PERMISSION[index],
      body: searchRequestSchema,
      response: pageSchema,
      // A read, though it is a POST (the query travels in the body): audited like every POST.
      audit: {
        action: `${index}.search`,
        target: (_p, body) => ({ type: index, name: body.query.slice(0, 200) }),
      },
      handler: ({ body }) => search.search(index, body),
    }),
    defineRoute({
      method: 'GET',
      path: `/api/v1/search/${index}/aggs`,
      summary: `Top values of a field, or a histogram over time, of the ${index} matching a query`,
      tag: 'search',
      access: SEARCH_PERMISSION[index],
      query: aggRequestSchema,
      response: aggSchema,
      handler: ({ query }) => search.aggregate(index, query),
    }),
    defineRoute({
      method: 'GET',
      path: `/api/v1/search/${index}/fields`,
      summary: `The searchable fields of ${index} and their types`,
      tag: 'search',
      access: SEARCH_PERMISSION[index],
      response: z.object({ fields: z.array(z.object({ name: z.string(), type: z.string() })) }),
      handler: () => {
        const catalog = search.catalog(index);
        const fields = catalog
          .names()
          .map((name) => ({ name, type: catalog.typeOf(name.replace(/\*$/, 'x')) ?? 'keyword' }));
        return Promise.resolve({ fields });
      },
    }),
  ]);
}
