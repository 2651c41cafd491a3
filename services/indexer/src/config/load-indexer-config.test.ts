import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vigil/core';
import { loadIndexerConfig } from './load-indexer-config.js';

describe('loadIndexerConfig', () => {
  it('indexes events and alerts by default, with a short flush interval', () => {
    const config = loadIndexerConfig({});
    expect(config.topics).toEqual({
      events: 'vigil.events',
      alerts: 'vigil.alerts',
      deadLetter: 'vigil.deadletter',
    });
    expect(config.bulk.flushIntervalMs).toBe(200);
    expect(config.retentionIntervalMs).toBe(3_600_000);
    expect(config.elastic.retentionDays).toEqual({ events: 30, alerts: 365, notifications: 90 });
  });

  it('can leave one family out, and refuses nothing to do, loops and slow flushes', () => {
    expect(loadIndexerConfig({ VIGIL_INDEXER_EVENTS: 'false' }).topics).toEqual({
      alerts: 'vigil.alerts',
      deadLetter: 'vigil.deadletter',
    });
    expect(() => loadIndexerConfig({ VIGIL_INDEXER_EVENTS: 'false', VIGIL_INDEXER_ALERTS: 'false' })).toThrow(
      ConfigError,
    );
    expect(() => loadIndexerConfig({ VIGIL_INDEXER_DEADLETTER_TOPIC: 'vigil.alerts' })).toThrow(ConfigError);
    expect(() => loadIndexerConfig({ VIGIL_INDEXER_FLUSH_INTERVAL_MS: '2000' })).toThrow(
      'VIGIL_INDEXER_FLUSH_INTERVAL_MS',
    );
  });
});
