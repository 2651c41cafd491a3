import { VigilError } from '@vigil/core';
import { uniqueName, waitFor } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../admin/vigil-admin.js';
import { createProducer, type VigilProducer } from '../producer/vigil-producer.js';
import { createTestKafka, createTestTopic, testLogger } from '../testing/index.js';
import type { BatchHandler, ConsumerOptions } from './consumer-options.js';
import type { TopicPartition } from './partition-set.js';
import { createConsumer, type VigilConsumer } from './vigil-consumer.js';

const kafka = createTestKafka('vigil-consumer-int');
let producer: VigilProducer;
const running: VigilConsumer[] = [];

beforeAll(async () => {
  producer = createProducer(kafka, { logger: testLogger('producer') });
  await producer.connect();
});

afterAll(async () => {
  await Promise.all(running.map((consumer) => consumer.stop()));
  await producer.disconnect();
});

function start(options: Omit<ConsumerOptions, 'logger'>): VigilConsumer {
  const consumer = createConsumer(kafka, {
    logger: testLogger(options.groupId),
    shutdownSignals: false,
    heartbeatIntervalMs: 500,
    maxWaitTimeMs: 200,
    ...options,
  });
  running.push(consumer);
  return consumer;
}

function values(count: number, prefix: string): { key: string; value: string }[] {
  return Array.from({ length: count }, (_, i) => ({ key: `k${i % 7}`, value: `${prefix}-${i}` }));
}

describe('VigilConsumer', () => {
  it('consumes what was produced, in order per key, and commits it', async () => {
    const topic = await createTestTopic(kafka, { partitions: 3 });
    const groupId = uniqueName('g-order');
    // Several concurrent sends: the producer batches them into few requests.
    const sent = values(300, 'm');
    await Promise.all(
      [0, 1, 2].map((slice) => producer.send(topic, sent.slice(slice * 100, slice * 100 + 100))),
    );

    const seen: { key: string; value: string }[] = [];
    const commits: string[] = [];
    const consumer = start({
      groupId,
      topics: [topic],
      handler: (batch) => {
        for (const message of batch.messages) {
          seen.push({ key: message.key!.toString(), value: message.value!.toString() });
        }
        return Promise.resolve();
      },
    });
    consumer.on('committed', (commit) => commits.push(`${commit.partition}@${commit.offset}`));
    await consumer.start();
    await waitFor(() => seen.length >= 300, { description: '300 messages' });

    expect(new Set(seen.map((message) => message.value)).size).toBe(300);
    // Messages with one key went to one partition and kept their order.
    for (const key of new Set(sent.map((message) => message.key))) {
      const expected = sent.filter((message) => message.key === key).map((message) => message.value);
      expect(seen.filter((message) => message.key === key).map((message) => message.value)).toEqual(expected);
    }
    const admin = createAdmin(kafka, { logger: testLogger('admin') });
    try {
      const lag = await waitFor(async () => {
        const partitions = await admin.consumerLag(groupId, topic);
        return partitions.every((partition) => partition.lag === 0) ? partitions : undefined;
      });
      expect(lag.reduce((sum, partition) => sum + Number(partition.committed), 0)).toBe(300);
    } finally {
      await admin.disconnect();
    }
    expect(commits.length).toBeGreaterThan(0);
    await consumer.stop();
    await expect(consumer.done).resolves.toBeUndefined();
  });

  it('delivers again what a crashed consumer did not commit (at-least-once)', async () => {
    const topic = await createTestTopic(kafka);
    const groupId = uniqueName('g-crash');
    await producer.send(topic, values(20, 'c'));

    const firstSeen: string[] = [];
    const crashing = start({
      groupId,
      topics: [topic],
      handler: (batch) => {
        for (const message of batch.messages) firstSeen.push(message.value!.toString());
        // A bug: not retriable, so the consumer stops without committing.
        return Promise.reject(new Error('handler bug'));
      },
    });
    await crashing.start();
    await expect(crashing.done).rejects.toThrow('handler bug');
    expect(firstSeen.length).toBeGreaterThan(0);

    const secondSeen: string[] = [];
    const recovering = start({
      groupId,
      topics: [topic],
      handler: (batch) => {
        for (const message of batch.messages) secondSeen.push(message.value!.toString());
        return Promise.resolve();
      },
    });
    await recovering.start();
    await waitFor(() => secondSeen.length >= 20, { description: 'redelivery' });
    expect(secondSeen.slice(0, firstSeen.length)).toEqual(firstSeen);
    await recovering.stop();

    // The second consumer committed: a third member of the group gets only new messages.
    await producer.send(topic, [{ value: 'after' }]);
    const thirdSeen: string[] = [];
    const third = start({
      groupId,
      topics: [topic],
      handler: (batch) => {
        for (const message of batch.messages) thirdSeen.push(message.value!.toString());
        return Promise.resolve();
      },
    });
    await third.start();
    await waitFor(() => thirdSeen.length >= 1, { description: 'the new message' });
    expect(thirdSeen).toEqual(['after']);
    await third.stop();
  });

  it('retries a batch whose handler fails with a retriable error, then commits it once', async () => {
    const topic = await createTestTopic(kafka);
    await producer.send(topic, values(5, 'r'));
    let attempts = 0;
    const handled: string[][] = [];
    const handler: BatchHandler = (batch) => {
      attempts++;
      handled.push(batch.messages.map((message) => message.value!.toString()));
      if (attempts < 3) {
        return Promise.reject(
          new VigilError('elasticsearch unavailable', { code: 'ES_DOWN', retriable: true }),
        );
      }
      return Promise.resolve();
    };
    const committed: string[] = [];
    const consumer = start({
      groupId: uniqueName('g-retry'),
      topics: [topic],
      handler,
      retry: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    consumer.on('committed', (commit) => committed.push(commit.offset));
    await consumer.start();
    await waitFor(() => committed.length > 0, { description: 'a commit' });
    expect(attempts).toBe(3);
    expect(handled[0]).toEqual(handled[2]);
    expect(committed).toEqual(['5']);
    await consumer.stop();
  });

  it('splits partitions between two members and reports assigned and revoked partitions', async () => {
    const topic = await createTestTopic(kafka, { partitions: 4 });
    const groupId = uniqueName('g-assign');
    const owned = new Map<string, Set<number>>([
      ['a', new Set()],
      ['b', new Set()],
    ]);
    const track = (name: string) => ({
      onPartitionsAssigned: (partitions: readonly TopicPartition[]) => {
        for (const tp of partitions) owned.get(name)!.add(tp.partition);
      },
      onPartitionsRevoked: (partitions: readonly TopicPartition[]) => {
        for (const tp of partitions) owned.get(name)!.delete(tp.partition);
      },
    });
    const noop: BatchHandler = () => Promise.resolve();
    const a = start({ groupId, topics: [topic], handler: noop, ...track('a') });
    await a.start();
    await waitFor(() => owned.get('a')!.size === 4, { description: 'a owns all partitions' });

    const b = start({ groupId, topics: [topic], handler: noop, ...track('b') });
    await b.start();
    await waitFor(() => owned.get('a')!.size === 2 && owned.get('b')!.size === 2, {
      description: 'two partitions each',
    });
    const union = new Set([...owned.get('a')!, ...owned.get('b')!]);
    expect([...union].sort()).toEqual([0, 1, 2, 3]);
    expect(a.assignedPartitions).toHaveLength(2);

    await b.stop();
    expect(owned.get('b')!.size).toBe(0);
    await waitFor(() => owned.get('a')!.size === 4, { description: 'a owns all partitions again' });
  });

  it('pauses and resumes fetching (backpressure)', async () => {
    const topic = await createTestTopic(kafka);
    const seen: string[] = [];
    const consumer = start({
      groupId: uniqueName('g-pause'),
      topics: [topic],
      handler: (batch) => {
        for (const message of batch.messages) seen.push(message.value!.toString());
        return Promise.resolve();
      },
    });
    await consumer.start();
    await producer.send(topic, [{ value: 'one' }]);
    await waitFor(() => seen.length === 1, { description: 'the first message' });

    consumer.pause();
    expect(consumer.paused()).toEqual([{ topic, partition: 0 }]);
    await producer.send(topic, [{ value: 'two' }]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(seen).toEqual(['one']);

    consumer.resume();
    await waitFor(() => seen.length === 2, { description: 'the message sent while paused' });
    expect(seen).toEqual(['one', 'two']);
  });

  it('starts an assigned partition where it is told to (seek), not at the committed offset', async () => {
    const topic = await createTestTopic(kafka);
    await producer.send(
      topic,
      Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })),
    );
    const seen: string[] = [];
    const consumer: VigilConsumer = start({
      groupId: uniqueName('g-seek'),
      topics: [topic],
      // As the correlator restores a checkpoint: state covers offsets below 6, so start there.
      onPartitionsAssigned: (partitions) => {
        for (const { topic: t, partition } of partitions) consumer.seek(t, partition, 6n);
        return Promise.resolve();
      },
      handler: (batch) => {
        for (const message of batch.messages) seen.push(message.value!.toString());
        return Promise.resolve();
      },
    });
    await consumer.start();
    await waitFor(() => seen.includes('m9'), { description: 'the last message' });
    expect(seen).toEqual(['m6', 'm7', 'm8', 'm9']);
  });

  it('stops gracefully on a shutdown signal: the batch in flight finishes and is committed', async () => {
    const topic = await createTestTopic(kafka);
    const groupId = uniqueName('g-signal');
    await producer.send(topic, values(3, 's'));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    let sawAbort = false;
    const revoked: number[] = [];
    const consumer = start({
      groupId,
      topics: [topic],
      // SIGUSR2 stands in for SIGTERM, which would end the test runner's worker.
      shutdownSignals: ['SIGUSR2'],
      handler: async (_batch, context) => {
        started = true;
        await released;
        sawAbort = context.signal.aborted;
      },
      onPartitionsRevoked: (partitions) => {
        revoked.push(...partitions.map((tp) => tp.partition));
      },
    });
    const committed: string[] = [];
    consumer.on('committed', (commit) => committed.push(commit.offset));
    await consumer.start();
    await waitFor(() => started, { description: 'the handler to start' });
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await consumer.done;
    expect(sawAbort).toBe(true);
    expect(committed).toEqual(['3']);
    expect(revoked).toEqual([0]);
    expect(process.listenerCount('SIGUSR2')).toBe(0);

    const admin = createAdmin(kafka, { logger: testLogger('admin') });
    try {
      expect((await admin.consumerLag(groupId, topic))[0]?.lag).toBe(0);
    } finally {
      await admin.disconnect();
    }
  });
});
