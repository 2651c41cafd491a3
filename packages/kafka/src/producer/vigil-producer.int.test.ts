import { createLogger } from '@vigil/core';
import { uniqueName } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createKafkaClient } from '../client/create-kafka-client.js';
import { KafkaConnectionError } from '../error/kafka-error.js';
import { createTestKafka, createTestTopic, readMessages, testLogger } from '../testing/index.js';
import { jsonMessage } from './outgoing-message.js';
import { createProducer } from './vigil-producer.js';

const kafka = createTestKafka('vigil-producer-int');
const producer = createProducer(kafka, { logger: testLogger('producer') });

afterAll(async () => {
  await producer.disconnect();
});

describe('VigilProducer', () => {
  it('resolves a send once the broker acknowledged it, gzip-compressed, with keys and headers', async () => {
    const topic = await createTestTopic(kafka, { partitions: 2 });
    await producer.connect();
    const event = {
      '@timestamp': '2024-05-01T10:00:00Z',
      message: 'Failed password for root from 203.0.113.7',
    };
    await producer.send(topic, [
      jsonMessage(event, '203.0.113.7'),
      { key: 'k', value: 'x'.repeat(10_000), headers: { origin: 'test' } },
    ]);
    expect(producer.pendingMessages).toBe(0);
    const messages = await readMessages(kafka, topic, 2);
    expect(messages.map((message) => message.key).sort()).toEqual(['203.0.113.7', 'k']);
    const json = messages.find((message) => message.key === '203.0.113.7');
    expect(JSON.parse(json!.value!)).toEqual(event);
  });

  it('sends many topics in one call', async () => {
    const [a, b] = await Promise.all([createTestTopic(kafka), createTestTopic(kafka)]);
    await producer.sendMany([
      { topic: a, messages: [{ value: 'to-a' }] },
      { topic: b, messages: [{ value: 'to-b' }] },
    ]);
    expect((await readMessages(kafka, a, 1))[0]?.value).toBe('to-a');
    expect((await readMessages(kafka, b, 1))[0]?.value).toBe('to-b');
  });

  it('fails a send to a missing topic with a retriable error within the delivery timeout, then carries on', async () => {
    const shortLived = createProducer(kafka, { logger: testLogger('short'), deliveryTimeoutMs: 2_000 });
    await shortLived.connect();
    try {
      const started = Date.now();
      const error = await shortLived
        .send(uniqueName('missing-topic'), [{ value: 'lost' }])
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ retriable: true });
      expect(Date.now() - started).toBeLessThan(10_000);
      // kafkajs gave up too, so the queue is free for the next send.
      const topic = await createTestTopic(kafka);
      await shortLived.send(topic, [{ value: 'delivered' }]);
      expect((await readMessages(kafka, topic, 1))[0]?.value).toBe('delivered');
    } finally {
      await shortLived.disconnect();
    }
  });

  it('fails fast with a retriable connection error when no broker listens', async () => {
    const unreachable = createKafkaClient(
      { brokers: ['127.0.0.1:1'], clientId: 'unreachable', connectionTimeoutMs: 500 },
      {
        logger: createLogger({ name: 'unreachable', level: 'silent' }),
        retry: { initialRetryTime: 50, retries: 2 },
      },
    );
    const doomed = createProducer(unreachable, { logger: testLogger('doomed') });
    const started = Date.now();
    const error = await doomed.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KafkaConnectionError);
    expect(error).toMatchObject({ retriable: true, code: 'KAFKA_CONNECTION' });
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
