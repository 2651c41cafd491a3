/**
 * Helpers for the ingestor's integration tests and benchmark, against the real local broker: unique
 * topics and group per test, a config pointing at them, and a reader that collects a topic.
 */
import { resolve } from 'node:path';
import { createAdmin, createProducer, type Kafka, type OutgoingMessage } from '@vigil/kafka';
import { testLogger } from '@vigil/kafka/testing';
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

export async function deleteTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.deleteTopics(topics);
  } catch {
    // Cleanup only: a topic that is already gone is fine.
  } finally {
    await admin.disconnect();
  }
}

export interface CollectedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export interface Collector {
  readonly messages: CollectedMessage[];
  stop(): Promise<void>;
}

/** Reads a topic from the beginning with a throwaway group, collecting everything until `stop()`. */
export async function collect(kafka: Kafka, topic: string): Promise<Collector> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-collect'), maxWaitTimeInMs: 100 });
  const messages: CollectedMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatch: ({ batch }) => {
      for (const message of batch.messages) {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = value.toString();
        }
        messages.push({
          partition: batch.partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? '',
          headers,
        });
      }
      return Promise.resolve();
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}

/** Sum of a topic's high watermarks: how many records it holds (topics here are never compacted). */
export async function topicSize(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Creates the config's five topics up front (for tests that produce before the ingestor starts). */
export async function ensureTestTopics(kafka: Kafka, config: IngestorConfig, partitions = 2): Promise<void> {
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.ensureTopics(allTopics(config).map((topic) => ({ topic, partitions })));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Produces in requests of `chunk` messages, one after the other, so the topic holds many small
 * record batches: a consumer with a small `maxBytesPerPartition` then gets many small batches
 * (a compressed record batch is never split, whatever the fetch size).
 */
export async function produceInChunks(
  kafka: Kafka,
  topic: string,
  messages: readonly OutgoingMessage[],
  chunk: number,
): Promise<void> {
  const producer = createProducer(kafka, { logger: testLogger('test-producer') });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += chunk) await producer.send(topic, messages.slice(i, i + chunk));
  } finally {
    await producer.disconnect();
  }
}
