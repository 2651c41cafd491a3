import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPagerDutyReceiver, type HttpReceiver } from '@vigil/channels/testing';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { alertFixture } from '@vigil/incidents/testing';
import { jsonMessage } from '@vigil/kafka';
import { createTestKafka, createTestTopic, produceMessages } from '@vigil/kafka/testing';
import { stackEndpoints, uniqueName, waitFor } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNotifier } from '../testing/notifier-process.js';

const KEYS = { team: 'T'.repeat(32), alice: 'A'.repeat(32), bob: 'B'.repeat(32) };

let receiver: HttpReceiver;
let child: ChildProcess | undefined;
const elastic = createTestElastic();
const esPrefix = uniqueIndexPrefix();

beforeAll(async () => {
  receiver = await startPagerDutyReceiver();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await receiver.close();
  await deleteTestIndices(elastic, esPrefix);
  await elastic.close();
});

function events(): { who: string; action: string; dedupKey: string }[] {
  return receiver.accepted().map((request) => {
    const event = JSON.parse(request.body) as {
      routing_key: string;
      event_action: string;
      dedup_key: string;
    };
    const who = Object.entries(KEYS).find(([, key]) => key === event.routing_key)?.[0] ?? '?';
    return { who, action: event.event_action, dedupKey: event.dedup_key };
  });
}

/** Raw trigger requests per receiver. */
function triggers(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events()) if (e.action === 'trigger') counts[e.who] = (counts[e.who] ?? 0) + 1;
  return counts;
}

/**
 * Pages as PagerDuty counts them: a trigger repeating an open alert's dedup_key is folded into it,
 * so people are paged once per receiver and dedup_key.
 */
function pages(): Record<string, number> {
  const distinct = new Set(
    events()
      .filter((e) => e.action === 'trigger')
      .map((e) => `${e.who}|${e.dedupKey}`),
  );
  const counts: Record<string, number> = {};
  for (const page of distinct) {
    const who = page.split('|')[0] ?? '?';
    counts[who] = (counts[who] ?? 0) + 1;
  }
  return counts;
}

describe('notifier process on the real stack', () => {
  it('survives kill -9 mid-escalation: no page twice, none lost', async () => {
    const kafka = createTestKafka();
    const alertsTopic = await createTestTopic(kafka, { prefix: 'notifier-alerts' });
    const incidentsTopic = await createTestTopic(kafka, { prefix: 'notifier-incidents' });
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-notifier-'));
    const routingFile = path.join(dir, 'routing.yml');
    const pd = (key: string) =>
      `[{ type: pagerduty, routing_key: '${key}', url: '${receiver.url}/v2/enqueue' }]`;
    writeFileSync(
      routingFile,
      `route:
  receiver: team
  group_wait: 0s
  routes:
    - matchers: ['level="critical"']
      escalation: secops
escalation_policies:
  - name: secops
    levels:
      - { targets: [{ receiver: alice }], ack_timeout: 6s }
      - { targets: [{ receiver: bob }], ack_timeout: 1h }
receivers:
  - { name: team, channels: ${pd(KEYS.team)} }
  - { name: alice, channels: ${pd(KEYS.alice)} }
  - { name: bob, channels: ${pd(KEYS.bob)} }
`,
    );
    const env = {
      VIGIL_ROUTING_FILE: routingFile,
      VIGIL_NOTIFIER_STATE: 'redis',
      VIGIL_NOTIFIER_PORT: '0',
      VIGIL_NOTIFIER_TICK_MS: '200',
      VIGIL_NOTIFIER_ALERTS_TOPIC: alertsTopic,
      VIGIL_NOTIFIER_INCIDENTS_TOPIC: incidentsTopic,
      VIGIL_NOTIFIER_GROUP_ID: uniqueName('notifier'),
      VIGIL_NOTIFIER_ENSURE_TOPICS: 'false',
      VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
      VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
      VIGIL_ES_INDEX_PREFIX: esPrefix,
      VIGIL_REDIS_URL: stackEndpoints.redisUrl,
      VIGIL_REDIS_KEY_PREFIX: `${uniqueName('notifier-test')}:`,
      VIGIL_LOG_LEVEL: 'warn',
    };

    child = startNotifier(env);
    const at = new Date().toISOString();
    const alerts = Array.from({ length: 3 }, (_, n) => alertFixture({ n, level: 'critical', at }));
    await produceMessages(
      kafka,
      alertsTopic,
      alerts.map((a) => jsonMessage(a, a.id)),
    );
    await waitFor(() => triggers()['alice'] === 1 && triggers()['team'] === 1, {
      timeoutMs: 90_000,
      description: 'team and level-0 pages',
    });

    // Hard crash while level 1 is pending; it falls due while the notifier is down.
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    child = startNotifier(env);
    await waitFor(() => triggers()['bob'] === 1, {
      timeoutMs: 90_000,
      description: 'level-1 page after the restart',
    });
    // Several more ticks: anything decided twice would show up now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Nothing lost, nobody paged twice: one page per receiver, all for the same incident.
    expect(pages()).toEqual({ team: 1, alice: 1, bob: 1 });
    expect(new Set(events().map((e) => e.dedupKey)).size).toBe(1);
    // The crash came the moment PagerDuty accepted the first pages, before the notifier could mark
    // them delivered: those may be sent once more (at least once; PagerDuty folds them by
    // dedup_key). The page decided after the restart goes exactly once.
    expect(triggers()['team']).toBeLessThanOrEqual(2);
    expect(triggers()['alice']).toBeLessThanOrEqual(2);
    expect(triggers()['bob']).toBe(1);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child = undefined;
    expect(code).toBe(0);
  });
});
