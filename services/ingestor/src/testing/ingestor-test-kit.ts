/**
 * Helpers for the ingestor's integration tests and benchmark, against the real local broker: unique
 * topics and group per test, a config pointing at them, and a reader that collects a topic.
 */
import { resolve } from 'node:path';
import type { Kafka } from '@vigil/kafka';
import { createTopics } from '@vigil/kafka/testing';
import { stackEndpoints, uniqueName } from '@vigil/testing';
import { loadIngestorConfig } from '../config/load-ingestor-config.js';
import type { IngestorConfig } from '../config/ingestor-config.js';

/** The repository root (where `turbo.json` is), for running main.ts in a child process. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
export const MAIN_PATH = resolve(import.meta.dirname, '../main.ts');

/** Environment variables for an ingestor on unique topics and group (the child process gets these too). */
export function testEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  const base = uniqueName(prefix);
  return {
    VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
    VIGIL_KAFKA_CLIENT_ID: base,
    VIGIL_INGESTOR_GROUP: `${base}-group`,
    VIGIL_INGESTOR_RAW_HOST_TOPIC: `${base}.raw.host`,
    VIGIL_INGESTOR_RAW_NETWORK_TOPIC: `${base}.raw.network`,
    VIGIL_INGESTOR_RAW_ADMIN_TOPIC: `${base}.raw.admin`,
    VIGIL_INGESTOR_EVENTS_TOPIC: `${base}.events`,
    VIGIL_INGESTOR_DEADLETTER_TOPIC: `${base}.deadletter`,
    VIGIL_INGESTOR_TOPIC_PARTITIONS: '2',
    VIGIL_INGESTOR_HTTP_HOST: '127.0.0.1',
    VIGIL_INGESTOR_HTTP_PORT: '0',
    VIGIL_INGESTOR_MAX_WAIT_MS: '100',
    // The broker's minimum: a killed member's partitions move on after 6 s, not 30.
    VIGIL_INGESTOR_SESSION_TIMEOUT_MS: '6000',
    VIGIL_LOG_LEVEL: process.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    ...extra,
  };
}

export function testConfig(env: Record<string, string>): IngestorConfig {
  return loadIngestorConfig(env);
}

export function allTopics(config: IngestorConfig): string[] {
  const { raw, events, deadLetter } = config.topics;
  return [raw.host, raw.network, raw.admin, events, deadLetter];
}

/** Creates the config's five topics up front (for tests that produce before the ingestor starts). */
export async function ensureTestTopics(kafka: Kafka, config: IngestorConfig, partitions = 2): Promise<void> {
  await createTopics(kafka, allTopics(config), partitions);
}
