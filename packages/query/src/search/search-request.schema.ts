import { z } from 'zod';

/** The body of a search: query text, time range, sort, page size and the cursor of the previous page. */
export const searchRequestSchema = z.strictObject({
  query: z
    .string()
    .max(8192)
    .default('')
    .describe('Query in Vigil query language, e.g. `source.ip:10.0.0.0/8 and not event.outcome:success`'),
  from: z
    .string()
    .max(64)
    .optional()
    .describe('Start of the time range (inclusive): ISO 8601 or relative, e.g. `now-24h`'),
  to: z
    .string()
    .max(64)
    .optional()
    .describe('End of the time range (exclusive): ISO 8601 or relative, e.g. `now`'),
  sort: z
    .array(
      z.strictObject({ field: z.string().min(1).max(200), order: z.enum(['asc', 'desc']).default('desc') }),
    )
    .max(3)
    .optional()
    .describe('Sort keys; by default newest first. The id field is always added as the last key.'),
  size: z.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .max(4096)
    .optional()
    .describe('The `cursor` of the previous page, to fetch the next one'),
});

export type SearchRequest = z.infer<typeof searchRequestSchema>;
export type SearchRequestInput = z.input<typeof searchRequestSchema>;

/** One page of hits. `cursor` is null on the last page. */
export interface SearchPage<T> {
  readonly hits: T[];
  readonly total: { readonly value: number; readonly relation: 'eq' | 'gte' };
  readonly cursor: string | null;
}

/** Totals are exact up to this count, as Elasticsearch's `track_total_hits`. */
export const TOTAL_HITS_LIMIT = 10_000;
