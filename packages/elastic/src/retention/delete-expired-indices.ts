import type { Client } from '@elastic/elasticsearch';
import type { RetentionDays } from '../config/elastic-config.schema.js';
import { toElasticError } from '../error/to-elastic-error.js';
import { DAILY_FAMILIES, IndexNames } from '../indices/index-names.js';
import { expiredIndices } from './expired-indices.js';

/**
 * Retention without ILM: deletes the daily indices past their family's retention. Works on any
 * distribution (the local stack's minimal Elasticsearch has neither ILM nor the data stream lifecycle,
 * see the README). Run it daily, e.g. from the indexer; deleting whole indices is cheap.
 */
export async function deleteExpiredIndices(
  client: Client,
  options: { indexPrefix: string; retentionDays: RetentionDays; now?: Date },
): Promise<{ deleted: string[] }> {
  const names = new IndexNames(options.indexPrefix);
  const now = options.now ?? new Date();
  const deleted: string[] = [];
  try {
    for (const family of DAILY_FAMILIES) {
      const rows = await client.cat.indices({
        index: names.pattern(family),
        h: 'index',
        format: 'json',
        expand_wildcards: 'all',
      });
      const present = rows.map((row) => row.index).filter((index): index is string => index !== undefined);
      const expired = expiredIndices(names, family, present, options.retentionDays[family], now);
      // A few names per request keeps the URL short.
      for (let i = 0; i < expired.length; i += 20) {
        const slice = expired.slice(i, i + 20);
        await client.indices.delete({ index: slice.join(','), ignore_unavailable: true });
        deleted.push(...slice);
      }
    }
  } catch (error) {
    throw toElasticError(error, 'deleting expired indices');
  }
  return { deleted };
}
