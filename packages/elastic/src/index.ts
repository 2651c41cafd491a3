export {
  elasticEnvSchema,
  type ElasticAuth,
  type ElasticConfig,
  type RetentionDays,
} from './config/elastic-config.schema.js';
export { loadElasticConfig, redactElasticConfig } from './config/load-elastic-config.js';
export { createElasticClient } from './client/create-elastic-client.js';
export { ElasticError, ElasticUnavailableError, ElasticConflictError } from './error/elastic-error.js';
export { toElasticError, isRetriableStatus } from './error/to-elastic-error.js';
export { IndexNames, DAILY_FAMILIES, type DailyFamily } from './indices/index-names.js';
export {
  indexTemplates,
  TEMPLATE_VERSION,
  type IndexTemplate,
  type TemplateOptions,
} from './templates/index-templates.js';
export { ensureIndexTemplates, type EnsureTemplatesResult } from './templates/ensure-index-templates.js';
export { BulkIndexer, createBulkIndexer, type BulkIndexerOptions } from './bulk/bulk-indexer.js';
export type { BulkDocument, BulkOp, BulkRejection, BulkReport, DocOutcome } from './bulk/bulk-types.js';
export { classifyBulkItem, type ItemOutcome } from './bulk/classify-bulk-item.js';
export {
  VersionedStore,
  type Versioned,
  type VersionedStoreOptions,
  type WriteResult,
} from './documents/versioned-store.js';
export { createIncidentStore } from './documents/incident-store.js';
export { deleteExpiredIndices } from './retention/delete-expired-indices.js';
export { expiredIndices } from './retention/expired-indices.js';
export type { Client } from '@elastic/elasticsearch';
