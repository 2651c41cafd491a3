// `@vigil/api/embedded`: the API on the embedded store, without loading any Kafka, Elasticsearch
// or Redis adapter (the package's main entry exports those too).
export { startEmbeddedApi, type EmbeddedApi, type EmbeddedApiOptions } from './start-embedded-api.js';
export { ensureConsoleBuilt } from './ensure-console-built.js';
export { describeRules, sigmaRuleLoader } from '../rules/sigma-rule-loader.js';
export type { StoreSnapshot } from '../memory/memory-store.js';
