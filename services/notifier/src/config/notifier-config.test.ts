import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { loadNotifierConfig } from './notifier-config.js';

describe('loadNotifierConfig', () => {
  it('applies defaults and parses lists', () => {
    const config = loadNotifierConfig({
      VIGIL_NOTIFIER_STATE: 'memory',
      VIGIL_INCIDENT_ENTITY_FIELDS: 'user.name, source.ip',
    });
    expect(config).toMatchObject({
      VIGIL_NOTIFIER_PORT: 9466,
      VIGIL_NOTIFIER_TICK_MS: 1000,
      VIGIL_INCIDENT_ENTITY_FIELDS: ['user.name', 'source.ip'],
      VIGIL_SMTP_FROM: 'vigil@localhost',
    });
  });

  it('keeps state in Redis unless told otherwise, and names a bad value', () => {
    expect(loadNotifierConfig({}).VIGIL_NOTIFIER_STATE).toBe('redis');
    expect(() => loadNotifierConfig({ VIGIL_NOTIFIER_STATE: 'disk' })).toThrow(ConfigError);
    expect(() => loadNotifierConfig({ VIGIL_NOTIFIER_STATE: 'disk' })).toThrow(/VIGIL_NOTIFIER_STATE/);
  });
});
