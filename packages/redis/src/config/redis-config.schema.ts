import { env } from '@vigil/core';
import { z } from 'zod';

export const redisEnvSchema = z.object({
  /** `redis://[:password@]host:port[/db]` or `rediss://` for TLS. */
  VIGIL_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .pipe(z.url())
    .default('redis://127.0.0.1:6379'),
  /** Prepended to every key, so that several deployments can share one Redis. */
  VIGIL_REDIS_KEY_PREFIX: z.string().default('vigil:'),
  /** A command not answered by then fails (retriable) instead of waiting for ever. */
  VIGIL_REDIS_COMMAND_TIMEOUT_MS: env.int(5_000, 1),
  VIGIL_REDIS_CONNECT_TIMEOUT_MS: env.int(2_000, 1),
});

export interface RedisConfig {
  readonly url: string;
  readonly keyPrefix: string;
  readonly commandTimeoutMs: number;
  readonly connectTimeoutMs: number;
}
