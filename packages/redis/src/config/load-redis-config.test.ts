import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { loadRedisConfig, redactRedisConfig } from './load-redis-config.js';

describe('loadRedisConfig', () => {
  it('defaults to the local Redis with bounded waits', () => {
    expect(loadRedisConfig({})).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'vigil:',
      commandTimeoutMs: 5_000,
      connectTimeoutMs: 2_000,
    });
  });

  it('rejects URLs of another scheme', () => {
    expect(() => loadRedisConfig({ VIGIL_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(loadRedisConfig({ VIGIL_REDIS_URL: 'rediss://cache.example:6380/2' }).url).toBe(
      'rediss://cache.example:6380/2',
    );
  });

  it('redacts the password in the URL', () => {
    const config = loadRedisConfig({ VIGIL_REDIS_URL: 'redis://:hunter2@127.0.0.1:6379/0' });
    const redacted = redactRedisConfig(config);
    expect(redacted.url).not.toContain('hunter2');
    expect(redacted.url).toContain('127.0.0.1:6379');
    expect(config.url).toContain('hunter2');
  });
});
