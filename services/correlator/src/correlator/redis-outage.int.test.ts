import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import type { Kafka } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  createTopics,
  deleteTopics,
  testLogger,
  type TopicCollector,
} from '@vigil/kafka/testing';
import type { VigilEvent } from '@vigil/schema';
import { waitFor, type Outage } from '@vigil/testing';
import { loadCorrelatorConfig } from '../config/load-correlator-config.js';
import { replayAlertIds } from '../test-support/replay-alert-ids.js';
import {
  correlatorTestEnv,
  produceEvents,
  redisOutage,
  settledAlertIds,
} from '../testing/correlator-test-kit.js';
import { mixedLog, parseLines, REPO_ROOT } from '../testing/fixture-logs.js';
import { createCorrelator, type Correlator } from './create-correlator.js';

let kafka: Kafka;
let outage: Outage;
let correlator: Correlator | undefined;
let alerts: TopicCollector | undefined;
let topics: string[] = [];
let events: VigilEvent[];
let expected: string[];

beforeAll(async () => {
  kafka = createTestKafka();
  outage = await redisOutage();
  events = parseLines(mixedLog(3_000).map((line) => line.line));
  expected = replayAlertIds((await loadRulePack([], REPO_ROOT)).result.ruleSet, events);
});

afterAll(async () => {
  await outage.start();
  await correlator?.stop();
  await alerts?.stop();
  await deleteTopics(kafka, topics);
});

/** Checkpoints saved so far, from the correlator's own metrics. */
async function saved(target: Correlator): Promise<number> {
  const body = await target.metrics.exposition();
  return Number(/vigil_correlator_checkpoints_total\{result="saved"\} (\d+)/.exec(body)?.[1] ?? '0');
}

/** Distinct alert ids collected so far. */
const distinct = (collector: TopicCollector): number =>
  new Set(collector.values.map((value) => (JSON.parse(value) as { id: string }).id)).size;

describe('correlator through a Redis outage', () => {
  it('keeps detecting, reports degraded checkpoints, and checkpoints again once Redis is back', async () => {
    const config = loadCorrelatorConfig(
      correlatorTestEnv('redis-outage', { VIGIL_REDIS_URL: outage.url }),
      REPO_ROOT,
    );
    topics = Object.values(config.topics);
    await createTopics(kafka, topics, 6);
    // A third of the events before the outage, a third during it, a third after it.
    const third = (n: number): VigilEvent[] =>
      events.slice((n * events.length) / 3, ((n + 1) * events.length) / 3);
    alerts = await collectTopic(kafka, config.topics.alerts);
    correlator = createCorrelator(config, { logger: testLogger('correlator') });
    await correlator.start();
    const running = correlator;

    await produceEvents(kafka, config.topics.events, third(0));
    await waitFor(async () => (await saved(running)) > 0 && distinct(alerts!) > 0, {
      description: 'alerts and checkpoints before the outage',
    });
    expect(running.health()).toMatchObject({ checkpoints: 'ok', redis: 'ready' });

    await outage.stop();
    const before = distinct(alerts);
    await produceEvents(kafka, config.topics.events, third(1));
    await waitFor(() => running.health()['checkpoints'] === 'degraded', {
      description: 'degraded checkpoints',
    });
    // Still detecting: the middle third's alerts arrive with Redis away.
    await waitFor(() => distinct(alerts!) > before, { description: 'alerts during the outage' });
    const savedDuringOutage = await saved(running);

    await outage.start();
    await produceEvents(kafka, config.topics.events, third(2));
    await waitFor(
      async () => running.health()['checkpoints'] === 'ok' && (await saved(running)) > savedDuringOutage,
      {
        timeoutMs: 30_000,
        description: 'checkpoints saved again after the outage',
      },
    );
    expect(await settledAlertIds(alerts, expected.length)).toEqual(expected);
    await running.stop();
    await alerts.stop();
  });

  it('starts partitions assigned while Redis is away once it is back, with the same alerts', async () => {
    const config = loadCorrelatorConfig(
      correlatorTestEnv('redis-late', { VIGIL_REDIS_URL: outage.url }),
      REPO_ROOT,
    );
    topics.push(...Object.values(config.topics));
    await createTopics(kafka, Object.values(config.topics), 6);
    await produceEvents(kafka, config.topics.events, events);
    alerts = await collectTopic(kafka, config.topics.alerts);
    await outage.stop();
    correlator = createCorrelator(config, { logger: testLogger('correlator') });
    await correlator.start();
    const running = correlator;
    await waitFor(() => (running.health()['state'] as { waiting: number[] }).waiting.length === 6, {
      description: 'all six partitions waiting for Redis',
    });
    expect(running.health()).toMatchObject({ checkpoints: 'degraded' });
    await outage.start();
    expect(await settledAlertIds(alerts, expected.length)).toEqual(expected);
    expect(running.health()['state']).toEqual({ ready: [0, 1, 2, 3, 4, 5], waiting: [] });
  });
});
