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

/** Produces messages and waits until they are acknowledged. */
export async function produceMessages(
  kafka: Kafka,
  topic: string,
  messages: readonly OutgoingMessage[],
): Promise<void> {
  const producer = createProducer(kafka, { logger: testLogger('test-producer') });
  await producer.connect();
  try {
    await producer.send(topic, messages);
  } finally {
    await producer.disconnect();
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
