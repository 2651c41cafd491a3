export { buildApi, type Api, type ApiOptions } from './app/build-api.js';
export type { ApiPorts } from './ports/api-ports.js';
export type { SearchBackend } from './ports/search-backend.js';
export type { IncidentService } from './ports/incident-service.js';
export type { SilenceStore } from './ports/silence-store.js';
export type { RuleCatalog, RuleSummary, RuleReloadResult } from './ports/rule-catalog.js';
export type { LiveFeed, LiveMessage } from './ports/live-feed.js';
export { MemorySearchBackend, type DocSource } from './memory/memory-search-backend.js';
export { MemoryStore, type MemoryStoreOptions } from './memory/memory-store.js';
export { MemoryLiveFeed } from './memory/memory-live-feed.js';
export { MemorySilenceStore } from './memory/memory-silence-store.js';
export {
  CountingRuleCatalog,
  type RuleDescription,
  type LoadedRules,
} from './memory/counting-rule-catalog.js';
export { createMemoryPorts, type MemoryPorts, type MemoryPortsOptions } from './memory/memory-ports.js';
export { LiveHub, type LiveEvent } from './live/live-hub.js';
export { ApiError } from './http/api-error.js';
export type { Route, Access } from './http/route-def.js';
export { CONTENT_SECURITY_POLICY } from './http/security-headers.js';
export { apiCatalogs } from './catalog/api-catalogs.js';
export { ElasticSearchBackend } from './elastic/elastic-search-backend.js';
export { ElasticIncidentService } from './elastic/elastic-incident-service.js';
export { KafkaAuditSink } from './kafka/kafka-audit-sink.js';
export { KafkaLiveFeed, type KafkaLiveFeedOptions } from './kafka/kafka-live-feed.js';
export { RedisSilenceStore } from './redis/redis-silence-store.js';
export { RedisSessionStore } from './redis/redis-session-store.js';
export { RedisAuthStore } from './redis/redis-auth-store.js';
export { RedisThrottle } from './redis/redis-throttle.js';
export { describeRules, sigmaRuleLoader } from './rules/sigma-rule-loader.js';
export { seedRuleHits } from './rules/seed-rule-hits.js';
export { apiEnvSchema, type ApiEnv } from './config/api-config.js';
export { bootstrapAdmin } from './app/bootstrap-admin.js';
