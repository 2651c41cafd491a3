import { createLogger } from '@vigil/core';
import { stackEndpoints, uniqueName } from '@vigil/testing';
import { createRedisConnection, type RedisConnection } from '../client/redis-connection.js';

/** A connection to the local stack's Redis (or `url`), with a key prefix no other test uses (or the one given). */
export function createTestRedis(
  url: string = stackEndpoints.redisUrl,
  options: { commandTimeoutMs?: number; keyPrefix?: string } = {},
): RedisConnection {
  return createRedisConnection(
    {
      url,
      keyPrefix: options.keyPrefix ?? `${uniqueName('test')}:`,
      commandTimeoutMs: options.commandTimeoutMs ?? 5_000,
      connectTimeoutMs: 1_000,
    },
    { logger: createLogger({ name: 'test-redis', level: process.env['VIGIL_LOG_LEVEL'] ?? 'silent' }) },
  );
}
