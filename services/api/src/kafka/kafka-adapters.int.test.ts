import { auditRecordSchema, type AuditRecord } from '@vigil/auth';
import { openIncident } from '@vigil/incidents';
import { alertFixture } from '@vigil/incidents/testing';
import { createProducer, jsonMessage } from '@vigil/kafka';
import { createTestKafka, createTestTopic, produceMessages, readMessages } from '@vigil/kafka/testing';
import { uniqueName, waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../ports/live-feed.js';
import { KafkaAuditSink } from './kafka-audit-sink.js';
import { KafkaLiveFeed } from './kafka-live-feed.js';

const kafka = createTestKafka();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('KafkaAuditSink', () => {
  it('produces one JSON line per record, keyed by actor', async () => {
    const topic = await createTestTopic(kafka, { prefix: 'vigil-raw-admin' });
    const producer = createProducer(kafka);
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const record: AuditRecord = {
      '@timestamp': '2026-03-01T10:00:00.000Z',
      vigil_audit: 1,
      actor: { name: 'ana', roles: ['responder'] },
      action: 'incident.acknowledge',
      target: { type: 'incident', id: 'abc' },
      source: { ip: '10.0.0.1' },
      mfa: false,
      outcome: 'success',
      request: { method: 'POST', path: '/api/v1/incidents/abc/acknowledge' },
    };
    await new KafkaAuditSink(producer, topic).write(record);
    const [message] = await readMessages(kafka, topic, 1);
    expect(message?.key).toBe('ana');
    expect(auditRecordSchema.parse(JSON.parse(message?.value ?? ''))).toEqual(record);
  });
});

describe('KafkaLiveFeed', () => {
  it('passes on valid alerts and incidents, skips what is not', async () => {
    const alertsTopic = await createTestTopic(kafka, { prefix: 'vigil-alerts' });
    const incidentsTopic = await createTestTopic(kafka, { prefix: 'vigil-incidents' });
    const feed = new KafkaLiveFeed(kafka, { groupId: uniqueName('api-live'), alertsTopic, incidentsTopic });
    const seen: LiveMessage[] = [];
    feed.subscribe((message) => seen.push(message));
    await feed.start();
    cleanups.push(() => feed.stop());
    const alert = alertFixture({ n: 1 });
    const incident = openIncident(alert, { field: 'source.ip', value: '203.0.113.7' }, new Date());
    // The feed starts at the end of the topics: keep producing until its partitions are assigned.
    await waitFor(
      async () => {
        await produceMessages(kafka, alertsTopic, [
          { value: 'not json' },
          jsonMessage({ bogus: true }),
          jsonMessage(alert),
        ]);
        await produceMessages(kafka, incidentsTopic, [jsonMessage(incident)]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return seen.some((m) => m.type === 'alert') && seen.some((m) => m.type === 'incident');
      },
      { timeoutMs: 60_000, description: 'live messages' },
    );
    expect(
      seen.every((m) => (m.type === 'alert' ? m.alert.id === alert.id : m.incident.id === incident.id)),
    ).toBe(true);
  });
});
