import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPagerDutyReceiver, type HttpReceiver } from '@vigil/channels/testing';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { alertFixture } from '@vigil/incidents/testing';
import { jsonMessage } from '@vigil/kafka';
import { createTestKafka, createTestTopic, produceMessages } from '@vigil/kafka/testing';
import { createTestRedis } from '@vigil/redis/testing';
import { stackEndpoints, uniqueName, waitFor } from '@vigil/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startNotifier } from '../testing/notifier-process.js';

let receiver: HttpReceiver;
const children: ChildProcess[] = [];
const elastic = createTestElastic();
const esPrefix = uniqueIndexPrefix();
const redisPrefix = `${uniqueName('notifier-standby')}:`;
const redis = createTestRedis(undefined, { keyPrefix: redisPrefix });

beforeAll(async () => {
  receiver = await startPagerDutyReceiver();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await receiver.close();
  await deleteTestIndices(elastic, esPrefix);
  await elastic.close();
  await redis.close();
});

/** Trigger requests PagerDuty received, per dedup_key (= incident). */
function triggersByIncident(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of receiver.accepted()) {
    const event = JSON.parse(request.body) as { event_action: string; dedup_key: string };
    if (event.event_action === 'trigger') counts.set(event.dedup_key, (counts.get(event.dedup_key) ?? 0) + 1);
  }
  return counts;
}

describe('two notifier processes on the real stack', () => {
  it('one is active and pages once; when it dies the standby takes over within the lease TTL', async () => {
    const kafka = createTestKafka();
    const alertsTopic = await createTestTopic(kafka, { prefix: 'standby-alerts' });
    const incidentsTopic = await createTestTopic(kafka, { prefix: 'standby-incidents' });
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-standby-'));
    const routingFile = path.join(dir, 'routing.yml');
    writeFileSync(
      routingFile,
      `route:
  receiver: team
  group_wait: 0s
receivers:
  - name: team
    channels: [{ type: pagerduty, routing_key: '${'T'.repeat(32)}', url: '${receiver.url}/v2/enqueue' }]
`,
    );
    const group = uniqueName('notifier');
    const env = {
      VIGIL_ROUTING_FILE: routingFile,
      VIGIL_NOTIFIER_STATE: 'redis',
      VIGIL_NOTIFIER_PORT: '0',
      VIGIL_NOTIFIER_TICK_MS: '200',
      VIGIL_NOTIFIER_LEASE_TTL_MS: '3000',
      VIGIL_NOTIFIER_ALERTS_TOPIC: alertsTopic,
      VIGIL_NOTIFIER_INCIDENTS_TOPIC: incidentsTopic,
      VIGIL_NOTIFIER_GROUP_ID: group,
      VIGIL_NOTIFIER_ENSURE_TOPICS: 'false',
      VIGIL_KAFKA_BROKERS: stackEndpoints.kafkaBrokers.join(','),
      VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
      VIGIL_ES_INDEX_PREFIX: esPrefix,
      VIGIL_REDIS_URL: stackEndpoints.redisUrl,
      VIGIL_REDIS_KEY_PREFIX: redisPrefix,
      VIGIL_LOG_LEVEL: 'warn',
    };
    const a = startNotifier(env);
    const b = startNotifier(env);
    children.push(a, b);
    const lockKey = `lease:notifier:${group}`;
    let owner: string | null = null;
    await waitFor(
      async () => {
        owner = await redis.client.get(lockKey);
        return owner !== null;
      },
      { timeoutMs: 60_000, description: 'one notifier holding the lease' },
    );
    const activePid = Number(String(owner).split(':').pop());
    const [active, standby] = activePid === a.pid ? [a, b] : [b, a];
    expect(activePid).toBe(active.pid);

    const at = new Date().toISOString();
    const first = alertFixture({ n: 1, level: 'critical', at, group: { 'source.ip': '198.51.100.1' } });
    await produceMessages(kafka, alertsTopic, [jsonMessage(first, first.id)]);
    await waitFor(() => triggersByIncident().size === 1, {
      timeoutMs: 60_000,
      description: 'the first page',
    });

    // Time to record the delivery (a crash before that would send it once more, by design:
    // at least once, same dedup_key); then the active instance dies without a word, and the
    // standby waits out the TTL and takes over.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    active.kill('SIGKILL');
    await exited(active);
    const second = alertFixture({ n: 2, level: 'critical', at, group: { 'source.ip': '198.51.100.2' } });
    await produceMessages(kafka, alertsTopic, [jsonMessage(second, second.id)]);
    await waitFor(() => triggersByIncident().size === 2, {
      timeoutMs: 60_000,
      description: 'the page for the second incident, from the standby',
    });
    expect(await redis.client.get(lockKey)).toMatch(new RegExp(`:${String(standby.pid)}$`));
    // A few more ticks: nothing paged twice by two active instances.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect([...triggersByIncident().values()]).toEqual([1, 1]);

    standby.kill('SIGTERM');
    expect(await exited(standby)).toBe(0);
    // A clean stop gives the lease up at once.
    expect(await redis.client.get(lockKey)).toBeNull();
  }, 180_000);
});
