import { uniqueName, waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsumer } from '../consumer/vigil-consumer.js';
import { createTestKafka, produceMessages, testLogger } from '../testing/index.js';
import { createAdmin } from './vigil-admin.js';

const kafka = createTestKafka('vigil-admin-int');
const admin = createAdmin(kafka, { logger: testLogger('admin') });

afterAll(async () => {
  await admin.disconnect();
});

describe('VigilAdmin', () => {
  it('creates missing topics with their config and reports existing and mismatched ones', async () => {
    const topic = uniqueName('admin-topic');
    const first = await admin.ensureTopics([{ topic, partitions: 3, config: { 'retention.ms': '3600000' } }]);
    expect(first).toEqual({ created: [topic], existing: [], mismatched: [] });
    const second = await admin.ensureTopics([{ topic, partitions: 3 }]);
    expect(second).toEqual({ created: [], existing: [topic], mismatched: [] });
    const third = await admin.ensureTopics([{ topic, partitions: 6 }]);
    expect(third.mismatched).toEqual([{ topic, partitions: 3, wanted: 6 }]);
    await admin.deleteTopics([topic]);
  });

  it('reports the lag of a consumer group per partition, before and after it consumed', async () => {
    const topic = uniqueName('lag-topic');
    await admin.ensureTopics([{ topic, partitions: 3 }]);
    await produceMessages(
      kafka,
      topic,
      Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, partition: i % 3 })),
    );
    const groupId = uniqueName('lag-group');
    const before = await admin.consumerLag(groupId, topic);
    expect(before.map((partition) => [partition.partition, partition.committed, partition.lag])).toEqual([
      [0, null, 10],
      [1, null, 10],
      [2, null, 10],
    ]);

    let handled = 0;
    const consumer = createConsumer(kafka, {
      groupId,
      topics: [topic],
      logger: testLogger(groupId),
      shutdownSignals: false,
      maxWaitTimeMs: 200,
      handler: (batch) => {
        handled += batch.messages.length;
        return Promise.resolve();
      },
    });
    await consumer.start();
    try {
      await waitFor(() => handled >= 30, { description: 'all messages handled' });
      expect(await admin.groupMembers(groupId)).toBe(1);
      const after = await waitFor(async () => {
        const lag = await admin.consumerLag(groupId, topic);
        return lag.every((partition) => partition.lag === 0) ? lag : undefined;
      });
      expect(after.map((partition) => partition.committed)).toEqual(['10', '10', '10']);
    } finally {
      await consumer.stop();
    }
  });
});
