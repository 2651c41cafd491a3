import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../error/config-error.js';
import { env, loadConfig } from './load-config.js';

const schema = z.object({
  VIGIL_KAFKA_BROKERS: env.list('127.0.0.1:9092'),
  VIGIL_API_PORT: env.port(8080),
  VIGIL_DEMO: env.bool(false),
});

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    expect(loadConfig(schema, { VIGIL_API_PORT: '9000', VIGIL_DEMO: 'yes' })).toEqual({
      VIGIL_KAFKA_BROKERS: ['127.0.0.1:9092'],
      VIGIL_API_PORT: 9000,
      VIGIL_DEMO: true,
    });
  });

  it('names every bad variable and its value in one error', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { VIGIL_API_PORT: '70000', VIGIL_DEMO: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('VIGIL_API_PORT');
    expect(message).toContain('"70000"');
    expect(message).toContain('VIGIL_DEMO');
    expect((caught as ConfigError).code).toBe('CONFIG_INVALID');
  });
});
