import { toEsQuery } from '../es/to-es-query.js';
import type { AggResult, HistogramBucket, TermsBucket } from './agg-request.schema.js';
import { formatInterval } from './interval.js';
import type { AggPlan } from './plan-aggs.js';

/** The body of an Elasticsearch `_search` (size 0) computing a plan's aggregation under the name `a`. */
export function toEsAggsBody(plan: AggPlan): Record<string, unknown> {
  const agg =
    plan.type === 'terms'
      ? { terms: { field: plan.field, size: plan.size, order: [{ _count: 'desc' }, { _key: 'asc' }] } }
      : {
          date_histogram: {
            field: plan.field,
            fixed_interval: formatInterval(plan.intervalMs),
            min_doc_count: 0,
            extended_bounds: { min: plan.minMs, max: plan.maxMs - 1 },
          },
        };
  return { size: 0, query: toEsQuery(plan.query), aggs: { a: agg } };
}

interface EsBucket {
  readonly key: unknown;
  readonly key_as_string?: string;
  readonly doc_count: number;
}

export interface EsAggsResponse {
  readonly aggregations?: {
    readonly a?: { readonly buckets?: readonly EsBucket[]; readonly sum_other_doc_count?: number };
  };
}

export function fromEsAggsResponse(plan: AggPlan, response: EsAggsResponse): AggResult {
  const raw = response.aggregations?.a;
  const buckets = raw?.buckets ?? [];
  if (plan.type === 'terms') {
    const out: TermsBucket[] = buckets.map((bucket) => ({
      // Booleans come back as 1/0 with the name in key_as_string.
      key:
        plan.fieldType === 'boolean'
          ? (bucket.key_as_string ?? String(bucket.key))
          : typeof bucket.key === 'number'
            ? bucket.key
            : String(bucket.key),
      count: bucket.doc_count,
    }));
    return { type: 'terms', field: plan.field, buckets: out, other: raw?.sum_other_doc_count ?? 0 };
  }
  const out: HistogramBucket[] = buckets.map((bucket) => {
    const key = Number(bucket.key);
    return { key, time: new Date(key).toISOString(), count: bucket.doc_count };
  });
  return {
    type: 'date_histogram',
    field: plan.field,
    interval: formatInterval(plan.intervalMs),
    buckets: out,
  };
}
