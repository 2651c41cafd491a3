/**
 * Helpers for the indexer's integration tests, against the real local stack: unique topics, group
 * and index prefix per test, counting documents, collecting a topic.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@vigil/elastic';
import { uniqueIndexPrefix } from '@vigil/elastic/testing';
import { createAdmin, createProducer, type Kafka, type OutgoingMessage } from '@vigil/kafka';
import { testLogger } from '@vigil/kafka/testing';
import { createTcpProxy, stackEndpoints, uniqueName } from '@vigil/testing';

/** Environment for an indexer on unique topics, group and index prefix. */
export function indexerTestEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  const base = uniqueName(prefix);
  return {
    VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
    VIGIL_KAFKA_CLIENT_ID: base,
    VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
    VIGIL_ES_INDEX_PREFIX: uniqueIndexPrefix(),
    VIGIL_INDEXER_GROUP: `${base}-indexer`,
    VIGIL_INDEXER_EVENTS_TOPIC: `${base}.events`,
    VIGIL_INDEXER_ALERTS_TOPIC: `${base}.alerts`,
    VIGIL_INDEXER_DEADLETTER_TOPIC: `${base}.deadletter`,
    VIGIL_INDEXER_HTTP_HOST: '127.0.0.1',
    VIGIL_INDEXER_HTTP_PORT: '0',
    VIGIL_INDEXER_MAX_WAIT_MS: '100',
    VIGIL_INDEXER_SESSION_TIMEOUT_MS: '6000',
    VIGIL_INDEXER_RETENTION_INTERVAL_MS: '0',
    VIGIL_LOG_LEVEL: process.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    ...extra,
  };
}

export async function createTopics(kafka: Kafka, topics: readonly string[], partitions = 3): Promise<void> {
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.ensureTopics(topics.map((topic) => ({ topic, partitions })));
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.deleteTopics(topics);
  } catch {
    // Cleanup only.
  } finally {
    await admin.disconnect();
  }
}

export async function produce(
  kafka: Kafka,
  topic: string,
  messages: readonly OutgoingMessage[],
): Promise<void> {
  const producer = createProducer(kafka, { logger: testLogger('test-producer'), compression: 'none' });
  await producer.connect();
  try {
    await producer.send(topic, messages);
  } finally {
    await producer.disconnect();
  }
}

/** Documents in the indices matching `pattern` (after a refresh, so recent writes count). */
export async function countDocuments(client: Client, pattern: string): Promise<number> {
  await client.indices.refresh({ index: pattern, ignore_unavailable: true, allow_no_indices: true });
  return (await client.count({ index: pattern, ignore_unavailable: true, allow_no_indices: true })).count;
}

/** Reads a topic from the beginning with a throwaway group, collecting values until `stop()`. */
export async function collect(
  kafka: Kafka,
  topic: string,
): Promise<{ values: string[]; stop(): Promise<void> }> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-collect'), maxWaitTimeInMs: 100 });
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatch: ({ batch }) => {
      for (const message of batch.messages) values.push(message.value?.toString() ?? '');
      return Promise.resolve();
    },
  });
  return { values, stop: () => consumer.disconnect() };
}

/** A way to take a service away from the code under test, and to bring it back. */
export interface Outage {
  /** The URL the code under test must use. */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Elasticsearch taken away from the indexer. By default a loopback proxy in front of the real
 * node is cut (connections refused, like a stopped node) so other test files that share the stack
 * keep their Elasticsearch; with `VIGIL_TEST_REAL_OUTAGES=1` the stack's node itself is stopped and
 * started again (`deploy/local/stack.sh stop es` / `start es`).
 */
export async function elasticOutage(): Promise<Outage> {
  const real = new URL(stackEndpoints.elasticsearchUrl);
  if (process.env['VIGIL_TEST_REAL_OUTAGES'] === '1') {
    return {
      url: stackEndpoints.elasticsearchUrl,
      stop: () => stackCommand('stop', 'es'),
      start: () => stackCommand('start', 'es'),
    };
  }
  const proxy = await createTcpProxy({ host: real.hostname, port: Number(real.port) });
  return { url: `http://127.0.0.1:${proxy.port}`, stop: () => proxy.stop(), start: () => proxy.start() };
}

async function stackCommand(command: string, service: string): Promise<void> {
  const script = resolve(import.meta.dirname, '../../../../deploy/local/stack.sh');
  await promisify(execFile)('bash', [script, command, service], { timeout: 180_000 });
}
