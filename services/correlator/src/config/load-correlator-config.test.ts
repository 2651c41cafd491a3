import { describe, expect, it } from 'vitest';
import { ConfigError } from '@vigil/core';
import { loadCorrelatorConfig } from './load-correlator-config.js';

describe('loadCorrelatorConfig', () => {
  it('has defaults for a local run', () => {
    const config = loadCorrelatorConfig({}, '/srv');
    expect(config.topics).toEqual({
      events: 'vigil.events',
      alerts: 'vigil.alerts',
      late: 'vigil.late',
      deadLetter: 'vigil.deadletter',
      repartition: 'vigil.correlator.repartition',
    });
    expect(config.groupId).toBe('vigil-correlator');
    expect(config.rules).toEqual({ paths: [], watch: true, cwd: '/srv' });
    expect(config.time).toEqual({ latenessMs: 5_000, idleAfterMs: 30_000, markerIntervalMs: 1_000 });
    expect(config.repartition.partitions).toBe(6);
  });

  it('reads lists and refuses topics that would loop', () => {
    const config = loadCorrelatorConfig({ VIGIL_CORRELATOR_RULES: 'a, b', VIGIL_CORRELATOR_LISTS: 'l' }, '/');
    expect(config.rules).toMatchObject({ paths: ['a', 'b'], lists: ['l'] });
    expect(() => loadCorrelatorConfig({ VIGIL_CORRELATOR_ALERTS_TOPIC: 'vigil.events' })).toThrow(
      ConfigError,
    );
    expect(() => loadCorrelatorConfig({ VIGIL_CORRELATOR_LATENESS_MS: '-1' })).toThrow(
      'VIGIL_CORRELATOR_LATENESS_MS',
    );
  });
});
