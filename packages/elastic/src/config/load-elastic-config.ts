import { loadConfig } from '@vigil/core';
import { elasticEnvSchema, type ElasticConfig } from './elastic-config.schema.js';

/** Reads `VIGIL_ES_*` (validated, every problem reported at once) into an `ElasticConfig`. */
export function loadElasticConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): ElasticConfig {
  const vars = loadConfig(elasticEnvSchema, source);
  const apiKey = vars.VIGIL_ES_API_KEY;
  const username = vars.VIGIL_ES_USERNAME;
  const password = vars.VIGIL_ES_PASSWORD;
  return {
    url: vars.VIGIL_ES_URL,
    requestTimeoutMs: vars.VIGIL_ES_REQUEST_TIMEOUT_MS,
    indexPrefix: vars.VIGIL_ES_INDEX_PREFIX,
    shards: vars.VIGIL_ES_SHARDS,
    replicas: vars.VIGIL_ES_REPLICAS,
    retentionDays: {
      events: vars.VIGIL_ES_RETENTION_EVENTS_DAYS,
      alerts: vars.VIGIL_ES_RETENTION_ALERTS_DAYS,
      notifications: vars.VIGIL_ES_RETENTION_NOTIFICATIONS_DAYS,
    },
    ...(apiKey !== undefined
      ? { auth: { apiKey } }
      : username !== undefined && password !== undefined
        ? { auth: { username, password } }
        : {}),
  };
}

/** The config with its secrets replaced (and credentials stripped from the URL), safe to log. */
export function redactElasticConfig(config: ElasticConfig): ElasticConfig {
  const url = new URL(config.url);
  if (url.password !== '') url.password = '[redacted]';
  const redactedUrl = url.toString();
  if (config.auth === undefined) return { ...config, url: redactedUrl };
  const auth =
    'apiKey' in config.auth ? { apiKey: '[redacted]' } : { ...config.auth, password: '[redacted]' };
  return { ...config, url: redactedUrl, auth };
}
