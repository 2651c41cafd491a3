/**
 * Helpers for the correlator's integration tests and benchmark, against the real local stack:
 * unique topics, groups and Redis keys per test, producing fixture events, collecting a topic.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventKey } from '@vigil/ingestor';
import { createAdmin, createProducer, type Kafka } from '@vigil/kafka';
import { testLogger } from '@vigil/kafka/testing';
import type { VigilEvent } from '@vigil/schema';
import { createTcpProxy, stackEndpoints, uniqueName, waitFor } from '@vigil/testing';

/** Environment for a correlator on unique topics, group and Redis prefix, with short timers. */
export function correlatorTestEnv(
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const base = uniqueName(prefix);
  return {
    VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
    VIGIL_KAFKA_CLIENT_ID: base,
    VIGIL_REDIS_URL: stackEndpoints.redisUrl,
    VIGIL_REDIS_KEY_PREFIX: `${base}:`,
    VIGIL_REDIS_COMMAND_TIMEOUT_MS: '2000',
    VIGIL_REDIS_CONNECT_TIMEOUT_MS: '1000',
    VIGIL_CORRELATOR_GROUP: `${base}-correlator`,
    VIGIL_CORRELATOR_EVENTS_TOPIC: `${base}.events`,
    VIGIL_CORRELATOR_ALERTS_TOPIC: `${base}.alerts`,
    VIGIL_CORRELATOR_LATE_TOPIC: `${base}.late`,
    VIGIL_CORRELATOR_DEADLETTER_TOPIC: `${base}.deadletter`,
    VIGIL_CORRELATOR_REPARTITION_TOPIC: `${base}.repartition`,
    VIGIL_CORRELATOR_HTTP_HOST: '127.0.0.1',
    VIGIL_CORRELATOR_HTTP_PORT: '0',
    VIGIL_CORRELATOR_WATCH_RULES: 'false',
    VIGIL_CORRELATOR_MARKER_INTERVAL_MS: '250',
    VIGIL_CORRELATOR_IDLE_AFTER_MS: '2000',
    VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: '500',
    // Test checkpoints clean themselves up.
    VIGIL_CORRELATOR_CHECKPOINT_TTL_MS: '3600000',
    VIGIL_CORRELATOR_MAX_WAIT_MS: '100',
    // The broker's minimum: a killed member's partitions move on after 6 s, not 30.
    VIGIL_CORRELATOR_SESSION_TIMEOUT_MS: '6000',
    VIGIL_CORRELATOR_COMPRESSION: 'none',
    VIGIL_LOG_LEVEL: process.env['VIGIL_LOG_LEVEL'] ?? 'warn',
    ...extra,
  };
}

/** Creates topics up front (6 partitions unless said otherwise). */
export async function createTopics(kafka: Kafka, topics: readonly string[], partitions = 6): Promise<void> {
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
    // Cleanup only: a topic that is already gone is fine.
  } finally {
    await admin.disconnect();
  }
}

/**
 * Produces events keyed like the ingestor does, in their order: each partition receives its
 * events in event-time order, as from an ingestor reading a time-ordered raw stream.
 */
export async function produceEvents(
  kafka: Kafka,
  topic: string,
  events: readonly VigilEvent[],
): Promise<void> {
  const producer = createProducer(kafka, { logger: testLogger('test-producer'), compression: 'none' });
  await producer.connect();
  try {
    const messages = events.map((event) => ({ key: eventKey(event), value: JSON.stringify(event) }));
    for (let i = 0; i < messages.length; i += 2_000) await producer.send(topic, messages.slice(i, i + 2_000));
  } finally {
    await producer.disconnect();
  }
}

export interface Collector {
  readonly values: string[];
  stop(): Promise<void>;
}

/** Reads a topic from the beginning with a throwaway group, collecting values until `stop()`. */
export async function collect(kafka: Kafka, topic: string): Promise<Collector> {
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

/** Distinct alert ids in a collector, once `expected` of them arrived and nothing new came for `quietMs`. */
export async function settledAlertIds(
  collector: Collector,
  expected: number,
  options: { timeoutMs?: number; quietMs?: number } = {},
): Promise<string[]> {
  const ids = (): Set<string> =>
    new Set(collector.values.map((value) => (JSON.parse(value) as { id: string }).id));
  let last = -1;
  let stableSince = Date.now();
  await waitFor(
    () => {
      const size = collector.values.length;
      if (size !== last) {
        last = size;
        stableSince = Date.now();
      }
      return ids().size >= expected && Date.now() - stableSince >= (options.quietMs ?? 1_500);
    },
    { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 200, description: `${expected} distinct alerts` },
  );
  return [...ids()].sort();
}

/** A way to take a service away from the code under test, and to bring it back. */
export interface Outage {
  /** The URL the code under test must use. */
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * Redis taken away from the correlator. By default a loopback proxy in front of the real server is
 * cut (connections refused, like a stopped server) so other test files sharing the stack keep their
 * Redis; with `VIGIL_TEST_REAL_OUTAGES=1` the stack's Redis itself is stopped and started again.
 */
export async function redisOutage(): Promise<Outage> {
  const real = new URL(stackEndpoints.redisUrl);
  if (process.env['VIGIL_TEST_REAL_OUTAGES'] === '1') {
    return {
      url: stackEndpoints.redisUrl,
      stop: () => stackCommand('stop', 'redis'),
      start: () => stackCommand('start', 'redis'),
    };
  }
  const proxy = await createTcpProxy({ host: real.hostname, port: Number(real.port) });
  return { url: `redis://127.0.0.1:${proxy.port}`, stop: () => proxy.stop(), start: () => proxy.start() };
}

async function stackCommand(command: string, service: string): Promise<void> {
  const script = resolve(import.meta.dirname, '../../../../deploy/local/stack.sh');
  await promisify(execFile)('bash', [script, command, service], { timeout: 180_000 });
}
