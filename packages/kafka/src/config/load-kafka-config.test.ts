import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { loadKafkaConfig, redactKafkaConfig } from './load-kafka-config.js';

describe('loadKafkaConfig', () => {
  it('defaults to the local broker without TLS or SASL', () => {
    const config = loadKafkaConfig({});
    expect(config).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'vigil',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
    });
  });

  it('parses a broker list, TLS and SASL', () => {
    const config = loadKafkaConfig({
      VIGIL_KAFKA_BROKERS: 'k1:9092, k2:9093',
      VIGIL_KAFKA_CLIENT_ID: 'ingestor',
      VIGIL_KAFKA_SSL: 'true',
      VIGIL_KAFKA_SASL_MECHANISM: 'scram-sha-512',
      VIGIL_KAFKA_SASL_USERNAME: 'vigil',
      VIGIL_KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(config.brokers).toEqual(['k1:9092', 'k2:9093']);
    expect(config.clientId).toBe('ingestor');
    expect(config.ssl).toEqual({ rejectUnauthorized: true });
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'vigil', password: 's3cret' });
  });

  it('names every bad variable and never echoes a missing password', () => {
    let error: unknown;
    try {
      loadKafkaConfig({ VIGIL_KAFKA_BROKERS: 'no-port', VIGIL_KAFKA_SASL_MECHANISM: 'plain' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('VIGIL_KAFKA_BROKERS');
    expect(message).toContain('VIGIL_KAFKA_SASL_USERNAME');
    expect(message).toContain('VIGIL_KAFKA_SASL_PASSWORD');
  });

  it('redacts the SASL password for logging', () => {
    const config = loadKafkaConfig({
      VIGIL_KAFKA_SASL_MECHANISM: 'plain',
      VIGIL_KAFKA_SASL_USERNAME: 'u',
      VIGIL_KAFKA_SASL_PASSWORD: 'hunter2',
    });
    const redacted = redactKafkaConfig(config);
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
    expect(redacted.sasl?.username).toBe('u');
    expect(config.sasl?.password).toBe('hunter2');
  });
});
