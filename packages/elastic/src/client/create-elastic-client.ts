import { Client } from '@elastic/elasticsearch';
import type { ElasticConfig } from '../config/elastic-config.schema.js';

/**
 * An Elasticsearch client for a config. Its own retries are kept few (2, for connection errors and
 * 502/503/504 on simple calls); the bulk indexer turns them off and retries with `retry` itself.
 */
export function createElasticClient(
  config: Pick<ElasticConfig, 'url' | 'auth' | 'requestTimeoutMs'>,
): Client {
  return new Client({
    node: config.url,
    requestTimeout: config.requestTimeoutMs,
    maxRetries: 2,
    ...(config.auth === undefined ? {} : { auth: config.auth }),
  });
}
