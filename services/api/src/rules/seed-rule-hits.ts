import type { Client } from '@vigil/elastic';
import { IndexNames, toElasticError } from '@vigil/elastic';
import type { CountingRuleCatalog } from '../memory/counting-rule-catalog.js';

interface HitsResponse {
  readonly aggregations?: {
    readonly rules?: {
      readonly buckets: readonly { key: string; doc_count: number; last?: { value_as_string?: string } }[];
    };
  };
}

/** Starts the rules' hit counts from the alerts already in Elasticsearch (then the live feed adds to them). */
export async function seedRuleHits(
  client: Client,
  indexPrefix: string,
  catalog: CountingRuleCatalog,
): Promise<void> {
  let response: HitsResponse;
  try {
    response = await client.search({
      index: new IndexNames(indexPrefix).pattern('alerts'),
      ignore_unavailable: true,
      allow_no_indices: true,
      size: 0,
      aggs: {
        rules: {
          terms: { field: 'rule.id', size: 10_000 },
          aggs: { last: { max: { field: '@timestamp' } } },
        },
      },
    });
  } catch (error) {
    throw toElasticError(error, 'counting rule hits');
  }
  for (const bucket of response.aggregations?.rules?.buckets ?? []) {
    const last = bucket.last?.value_as_string;
    if (last !== undefined) catalog.seed(bucket.key, bucket.doc_count, last);
  }
}
