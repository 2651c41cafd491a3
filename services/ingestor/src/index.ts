export { createIngestor, type Ingestor, type IngestorDeps } from './ingestor/create-ingestor.js';
export type { EventSink } from './ingestor/event-sink.js';
export { loadIngestorConfig } from './config/load-ingestor-config.js';
export { ingestorEnvSchema, type IngestorEnv } from './config/ingestor-env.schema.js';
export {
  RAW_ROLES,
  type IngestorConfig,
  type ParserSettings,
  type RawRole,
} from './config/ingestor-config.js';
export {
  decodeRawMessage,
  type DecodedLine,
  type DecodedMessage,
  type DecodeFailure,
  type DecodeFailureCode,
} from './envelope/decode-raw-message.js';
export { eventKey } from './records/event-key.js';
export { eventRecord, EVENT_HEADERS } from './records/event-record.js';
export {
  deadLetter,
  deadLetterRecord,
  DEAD_LETTER_HEADERS,
  type DeadLetterInput,
  type DeadLetterRecord,
} from './records/dead-letter-record.js';
export {
  processBatch,
  type ProcessedBatch,
  type ProcessOptions,
  type RawBatch,
  type RawMessage,
} from './pipeline/process-batch.js';
export type { BatchStats } from './pipeline/batch-stats.js';
export { StreamParsers } from './pipeline/stream-parsers.js';
export { IngestorMetrics, type IngestorMetricsOptions } from './metrics/ingestor-metrics.js';
