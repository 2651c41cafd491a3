export { VigilError, isRetriable, type VigilErrorOptions } from './error/vigil-error.js';
export { ConfigError } from './error/config-error.js';
export { retry, backoffDelay, sleep, type RetryOptions } from './retry/retry.js';
export { loadConfig, env } from './config/load-config.js';
export { createLogger, REDACT_PATHS, type CreateLoggerOptions, type Logger } from './logger/create-logger.js';
export { stableId } from './hash/stable-id.js';
export { sha256Id } from './hash/sha256-id.js';
