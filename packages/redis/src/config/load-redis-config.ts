import { loadConfig } from '@vigil/core';
import { redisEnvSchema, type RedisConfig } from './redis-config.schema.js';

/** Reads `VIGIL_REDIS_*` into a `RedisConfig` (validated, every problem reported at once). */
export function loadRedisConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): RedisConfig {
  const vars = loadConfig(redisEnvSchema, source);
  return {
    url: vars.VIGIL_REDIS_URL,
    keyPrefix: vars.VIGIL_REDIS_KEY_PREFIX,
    commandTimeoutMs: vars.VIGIL_REDIS_COMMAND_TIMEOUT_MS,
    connectTimeoutMs: vars.VIGIL_REDIS_CONNECT_TIMEOUT_MS,
  };
}

/** The URL with its password replaced, safe to log. */
export function redactRedisUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '[redacted]';
  return parsed.toString();
}

export function redactRedisConfig(config: RedisConfig): RedisConfig {
  return { ...config, url: redactRedisUrl(config.url) };
}
