import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { loadElasticConfig, redactElasticConfig } from './load-elastic-config.js';

describe('loadElasticConfig', () => {
  it('defaults to the local single node without auth', () => {
    expect(loadElasticConfig({})).toEqual({
      url: 'http://127.0.0.1:9200',
      requestTimeoutMs: 30_000,
      indexPrefix: 'vigil',
      shards: 1,
      replicas: 0,
      retentionDays: { events: 30, alerts: 365, notifications: 90 },
    });
  });

  it('takes an API key or basic auth, not both', () => {
    expect(loadElasticConfig({ VIGIL_ES_API_KEY: 'abc' }).auth).toEqual({ apiKey: 'abc' });
    expect(loadElasticConfig({ VIGIL_ES_USERNAME: 'u', VIGIL_ES_PASSWORD: 'p' }).auth).toEqual({
      username: 'u',
      password: 'p',
    });
    expect(() => loadElasticConfig({ VIGIL_ES_USERNAME: 'u' })).toThrow(/VIGIL_ES_PASSWORD/);
    expect(() =>
      loadElasticConfig({ VIGIL_ES_API_KEY: 'k', VIGIL_ES_USERNAME: 'u', VIGIL_ES_PASSWORD: 'p' }),
    ).toThrow(ConfigError);
  });

  it('rejects index prefixes Elasticsearch would refuse', () => {
    expect(() => loadElasticConfig({ VIGIL_ES_INDEX_PREFIX: 'Vigil' })).toThrow(/VIGIL_ES_INDEX_PREFIX/);
  });

  it('redacts secrets, including a password in the URL', () => {
    const config = loadElasticConfig({
      VIGIL_ES_URL: 'https://admin:pw1@es.example:9200',
      VIGIL_ES_API_KEY: 'key1',
    });
    const printed = JSON.stringify(redactElasticConfig(config));
    expect(printed).not.toContain('pw1');
    expect(printed).not.toContain('key1');
    expect(printed).toContain('admin');
    const basic = redactElasticConfig(
      loadElasticConfig({ VIGIL_ES_USERNAME: 'u', VIGIL_ES_PASSWORD: 'secret2' }),
    );
    expect(JSON.stringify(basic)).not.toContain('secret2');
  });
});
