export { createIndexer, type Indexer, type IndexerDeps } from './indexer/create-indexer.js';
export { loadIndexerConfig } from './config/load-indexer-config.js';
export { indexerEnvSchema, type IndexerEnv } from './config/indexer-env.schema.js';
export type { IndexerConfig } from './config/indexer-config.js';
export { toBulkDocument, type DocumentKind, type ToDocument } from './documents/to-bulk-document.js';
export { RetentionSweeper } from './retention/retention-sweeper.js';
export { IndexerMetrics } from './metrics/indexer-metrics.js';
