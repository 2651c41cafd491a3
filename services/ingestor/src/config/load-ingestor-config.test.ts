import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { loadIngestorConfig } from './load-ingestor-config.js';

function failure(env: Record<string, string>): string {
  try {
    loadIngestorConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadIngestorConfig', () => {
  it('defaults to the standard topics, group and local broker', () => {
    const config = loadIngestorConfig({});
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(config.groupId).toBe('vigil-ingestor');
    expect(config.topics).toEqual({
      raw: { host: 'vigil.raw.host', network: 'vigil.raw.network', admin: 'vigil.raw.admin' },
      events: 'vigil.events',
      deadLetter: 'vigil.deadletter',
    });
    expect(config.http).toEqual({ host: '0.0.0.0', port: 8081 });
    expect(config.parser).toEqual({ timezone: 'UTC', maxLineBytes: 65_536 });
    expect(config.ensureTopics).toEqual({ partitions: 6, replicationFactor: 1 });
    expect(config.producer.compression).toBe('gzip');
  });

  it('reads every override', () => {
    const config = loadIngestorConfig({
      VIGIL_KAFKA_BROKERS: 'k1:9092,k2:9092',
      VIGIL_INGESTOR_GROUP: 'g',
      VIGIL_INGESTOR_HTTP_PORT: '0',
      VIGIL_INGESTOR_RAW_HOST_TOPIC: 't.host',
      VIGIL_INGESTOR_EVENTS_TOPIC: 't.events',
      VIGIL_INGESTOR_ENSURE_TOPICS: 'false',
      VIGIL_INGESTOR_PARTITIONS_CONCURRENTLY: '6',
      VIGIL_INGESTOR_COMPRESSION: 'none',
      VIGIL_SYSLOG_TIMEZONE: 'America/New_York',
      VIGIL_SYSLOG_YEAR: '2024',
      VIGIL_INGESTOR_WEB_FLAVOR: 'apache',
      VIGIL_LOG_LEVEL: 'warn',
    });
    expect(config.kafka.brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.groupId).toBe('g');
    expect(config.http).toEqual({ host: '0.0.0.0', port: 0 });
    expect(config.topics.raw.host).toBe('t.host');
    expect(config.topics.events).toBe('t.events');
    expect(config.ensureTopics).toBe(false);
    expect(config.consumer.partitionsConcurrently).toBe(6);
    expect(config.producer.compression).toBe('none');
    expect(config.parser).toEqual({
      timezone: 'America/New_York',
      year: 2024,
      maxLineBytes: 65_536,
      webFlavor: 'apache',
    });
    expect(config.logLevel).toBe('warn');
  });

  it('names every bad variable at once', () => {
    const message = failure({
      VIGIL_INGESTOR_HTTP_PORT: '70000',
      VIGIL_SYSLOG_YEAR: '24',
      VIGIL_INGESTOR_COMPRESSION: 'zstd',
    });
    expect(message).toContain('VIGIL_INGESTOR_HTTP_PORT');
    expect(message).toContain('VIGIL_SYSLOG_YEAR');
    expect(message).toContain('VIGIL_INGESTOR_COMPRESSION');
  });

  it('rejects an unknown time zone, a bad topic name and a topic used twice', () => {
    expect(failure({ VIGIL_SYSLOG_TIMEZONE: 'Mars/Olympus' })).toContain('VIGIL_SYSLOG_TIMEZONE');
    expect(failure({ VIGIL_INGESTOR_EVENTS_TOPIC: 'bad topic' })).toContain('VIGIL_INGESTOR_EVENTS_TOPIC');
    expect(failure({ VIGIL_INGESTOR_EVENTS_TOPIC: 'vigil.raw.host' })).toContain('must differ');
  });
});
