export { redisEnvSchema, type RedisConfig } from './config/redis-config.schema.js';
export { loadRedisConfig, redactRedisConfig, redactRedisUrl } from './config/load-redis-config.js';
export {
  createRedisConnection,
  RedisConnection,
  type RedisConnectionEvents,
} from './client/redis-connection.js';
export { redisStatusOf, reconnectDelay, type RedisStatus } from './client/redis-status.js';
export { RedisUnavailableError, RedisCommandError } from './error/redis-error.js';
export { toRedisError } from './error/to-redis-error.js';
export { redisCall } from './error/redis-call.js';
export {
  CheckpointStore,
  type Checkpoint,
  type CheckpointInput,
  type CheckpointStoreOptions,
} from './checkpoint/checkpoint-store.js';
export { IdempotencyKeys } from './coordination/idempotency-keys.js';
export { LeaseManager, type Lease } from './coordination/lease-manager.js';
export { holdLeadership, type Leadership, type LeadershipOptions } from './coordination/hold-leadership.js';
export type { Redis } from 'ioredis';
