import { startPagerDutyReceiver, type HttpReceiver } from '@vigil/channels/testing';
import { alertFixture, minutesAfter } from '@vigil/incidents/testing';
import {
  createConsumer,
  createProducer,
  jsonMessage,
  type VigilConsumer,
  type VigilProducer,
} from '@vigil/kafka';
import {
  createTestKafka,
  createTestTopic,
  produceMessages,
  readMessages,
  testLogger,
} from '@vigil/kafka/testing';
import { incidentSchema } from '@vigil/schema';
import { uniqueName, waitFor } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineHarness } from '../testing/engine-harness.js';
import { alertBatchHandler } from './alert-batch-handler.js';
import { KafkaIncidentPublisher } from './kafka-incident-publisher.js';

const KEY = 'KAFKAKEYKAFKAKEYKAFKAKEYKAFKA001';
const kafka = createTestKafka();
let receiver: HttpReceiver;
let producer: VigilProducer;
let consumer: VigilConsumer | undefined;

beforeAll(async () => {
  receiver = await startPagerDutyReceiver();
  producer = createProducer(kafka, { logger: testLogger('notifier-test-producer') });
  await producer.connect();
});

afterAll(async () => {
  await consumer?.stop();
  await producer.disconnect();
  await receiver.close();
});

describe('notifier on real Kafka', () => {
  it('consumes alerts, publishes every incident change and pages once', async () => {
    const alertsTopic = await createTestTopic(kafka, { prefix: 'notifier-alerts' });
    const incidentsTopic = await createTestTopic(kafka, { prefix: 'notifier-incidents' });
    const routing = `
route:
  receiver: pd
  group_wait: 0s
receivers:
  - name: pd
    channels: [{ type: pagerduty, routing_key: '${KEY}', url: '${receiver.url}/v2/enqueue' }]
`;
    const h = engineHarness(routing, {}, Date.now(), {
      publisher: new KafkaIncidentPublisher(producer, incidentsTopic),
    });
    consumer = createConsumer(kafka, {
      groupId: uniqueName('notifier'),
      topics: [alertsTopic],
      handler: alertBatchHandler(h.engine, testLogger('notifier-test'), h.deps.metrics),
      logger: testLogger('notifier-test-consumer'),
      shutdownSignals: false,
      maxWaitTimeMs: 100,
    });
    await consumer.start();
    const t0 = new Date().toISOString();
    const alerts = Array.from({ length: 10 }, (_, n) => alertFixture({ n, at: minutesAfter(t0, n / 10) }));
    await produceMessages(kafka, alertsTopic, [
      ...alerts.slice(0, 5).map((a) => jsonMessage(a, a.id)),
      { value: 'not an alert' },
      ...alerts.slice(5).map((a) => jsonMessage(a, a.id)),
    ]);

    const incident = await waitFor(
      () => {
        const stored = [...h.store.incidents.values()];
        return stored.length === 1 && stored[0]!.alert_ids.length === 10 ? stored[0] : undefined;
      },
      { timeoutMs: 60_000, description: '10 alerts grouped into one incident' },
    );
    await waitFor(
      async () => {
        h.clock = Date.now();
        await h.engine.tick();
        return receiver.accepted().length > 0;
      },
      { timeoutMs: 30_000, description: 'the page' },
    );

    const published = await readMessages(kafka, incidentsTopic, 10, { timeoutMs: 30_000 });
    const versions = published.map((m) => incidentSchema.parse(JSON.parse(m.value ?? '')).version);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(published.map((m) => m.key))).toEqual(new Set([incident.id]));
    expect(receiver.accepted().map((r) => (JSON.parse(r.body) as { dedup_key: string }).dedup_key)).toEqual([
      incident.id,
    ]);
    expect(await h.deps.metrics.registry.getSingleMetricAsString('vigil_notifier_alerts_total')).toContain(
      'outcome="invalid"} 1',
    );
  });
});
