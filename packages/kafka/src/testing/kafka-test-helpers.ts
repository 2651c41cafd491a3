import { createLogger, type Logger } from '@vigil/core';
import { stackEndpoints, uniqueName, waitFor } from '@vigil/testing';
import type { Kafka } from 'kafkajs';
import { createAdmin } from '../admin/vigil-admin.js';
import { createKafkaClient } from '../client/create-kafka-client.js';
import type { OutgoingMessage } from '../producer/outgoing-message.js';
import { createProducer } from '../producer/vigil-producer.js';

/** A silent logger for tests (`VIGIL_LOG_LEVEL=debug` to see everything). */
export function testLogger(name: string): Logger {
  return createLogger({ name, level: process.env['VIGIL_LOG_LEVEL'] ?? 'silent' });
}

/** A client for the local stack's broker, with a short kafkajs retry so failures surface quickly. */
export function createTestKafka(clientId = uniqueName('test')): Kafka {
  return createKafkaClient(
    { brokers: stackEndpoints.kafkaBrokers, clientId, connectionTimeoutMs: 3_000 },
    { logger: testLogger(clientId), retry: { initialRetryTime: 100, retries: 5, maxRetryTime: 2_000 } },
  );
}

/** A fresh topic no other test uses, created with its leaders elected. */
export async function createTestTopic(
  kafka: Kafka,
  options: { prefix?: string; partitions?: number } = {},
): Promise<string> {
  const topic = uniqueName(options.prefix ?? 'test-topic');
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.ensureTopics([{ topic, partitions: options.partitions ?? 1 }]);
  } finally {
    await admin.disconnect();
  }
  return topic;
}

/** Creates topics up front, with their leaders elected (existing ones are left as they are). */
export async function createTopics(kafka: Kafka, topics: readonly string[], partitions = 1): Promise<void> {
  const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
  try {
    await admin.ensureTopics(topics.map((topic) => ({ topic, partitions })));
  } finally {
    await admin.disconnect();
  }
}

/** Deletes topics after a test; one that is already gone is fine (cleanup only). */
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

/**
 * Produces messages and waits until they are acknowledged. With `chunk`, in requests of that many
 * messages one after the other, so the topic holds many small record batches (a consumer with a
 * small `maxBytesPerPartition` then gets many small batches: a record batch is never split).
 */
export async function produceMessages(
  kafka: Kafka,
  topic: string,
  messages: readonly OutgoingMessage[],
  options: { chunk?: number; compression?: 'gzip' | 'none' } = {},
): Promise<void> {
  const producer = createProducer(kafka, {
    logger: testLogger('test-producer'),
    ...(options.compression === undefined ? {} : { compression: options.compression }),
  });
  await producer.connect();
  try {
    const chunk = options.chunk ?? messages.length;
    for (let i = 0; i < messages.length; i += Math.max(1, chunk))
      await producer.send(topic, messages.slice(i, i + Math.max(1, chunk)));
  } finally {
    await producer.disconnect();
  }
}

export interface CollectedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export interface TopicCollector {
  /** Everything read so far, in arrival order. */
  readonly messages: CollectedMessage[];
  /** The values of `messages`. */
  readonly values: string[];
  stop(): Promise<void>;
}

/** Reads a topic from the beginning with a throwaway group, collecting everything until `stop()`. */
export async function collectTopic(kafka: Kafka, topic: string): Promise<TopicCollector> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-collect'), maxWaitTimeInMs: 100 });
  const messages: CollectedMessage[] = [];
  const values: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatch: ({ batch }) => {
      for (const message of batch.messages) {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = value.toString();
        }
        const value = message.value?.toString() ?? '';
        messages.push({
          partition: batch.partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value,
          headers,
        });
        values.push(value);
      }
      return Promise.resolve();
    },
  });
  return { messages, values, stop: () => consumer.disconnect() };
}

/** Sum of a topic's high watermarks minus log starts: how many records it holds (not compacted). */
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

/** Reads a topic from the beginning with a throwaway group until `count` messages arrived. */
export async function readMessages(
  kafka: Kafka,
  topic: string,
  count: number,
  options: { timeoutMs?: number } = {},
): Promise<{ partition: number; offset: string; key: string | null; value: string | null }[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('test-reader'), maxWaitTimeInMs: 200 });
  const received: { partition: number; offset: string; key: string | null; value: string | null }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          received.push({
            partition: batch.partition,
            offset: message.offset,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
          });
        }
        await Promise.resolve();
      },
    });
    await waitFor(() => received.length >= count, {
      timeoutMs: options.timeoutMs ?? 30_000,
      description: `${count} messages on ${topic}`,
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}
