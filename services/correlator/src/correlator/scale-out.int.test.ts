import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import type { Kafka } from '@vigil/kafka';
import { collectTopic, createTestKafka, createTopics, deleteTopics, testLogger } from '@vigil/kafka/testing';
import type { VigilEvent } from '@vigil/schema';
import { loadCorrelatorConfig } from '../config/load-correlator-config.js';
import { replayAlertIds } from '../test-support/replay-alert-ids.js';
import { correlatorTestEnv, produceEvents, settledAlertIds } from '../testing/correlator-test-kit.js';
import { mixedLog, parseLines, REPO_ROOT } from '../testing/fixture-logs.js';
import { createCorrelator, type Correlator } from './create-correlator.js';

let kafka: Kafka;
let events: VigilEvent[];
let expected: string[];
const topics: string[] = [];
const running: Correlator[] = [];

beforeAll(async () => {
  kafka = createTestKafka();
  events = parseLines(mixedLog(2_500).map((line) => line.line));
  expected = replayAlertIds((await loadRulePack([], REPO_ROOT)).result.ruleSet, events);
});

afterAll(async () => {
  await Promise.allSettled(running.map((correlator) => correlator.stop()));
  await deleteTopics(kafka, topics);
});

interface Owned {
  readonly router: number;
  readonly state: number;
}

/**
 * Runs `instances` correlators in one group over `eventsTopic`: the distinct alert ids they produce,
 * and how many upstream (router) and repartition (state) partitions each owned at the end.
 */
async function run(eventsTopic: string, instances: number): Promise<{ ids: string[]; owned: Owned[] }> {
  const env = correlatorTestEnv('scale', { VIGIL_CORRELATOR_EVENTS_TOPIC: eventsTopic });
  const config = loadCorrelatorConfig(env, REPO_ROOT);
  topics.push(config.topics.alerts, config.topics.repartition, config.topics.late, config.topics.deadLetter);
  await createTopics(kafka, [config.topics.alerts], 6);
  const alerts = await collectTopic(kafka, config.topics.alerts);
  const group = Array.from({ length: instances }, (_, i) =>
    createCorrelator(config, { logger: testLogger(`correlator-${i}`) }),
  );
  running.push(...group);
  await Promise.all(group.map((correlator) => correlator.start()));
  try {
    const ids = await settledAlertIds(alerts, expected.length, { quietMs: 3_000 });
    const owned = group.map((correlator) => {
      const health = correlator.health() as { router: { partitions: number[] }; state: { ready: number[] } };
      return { router: health.router.partitions.length, state: health.state.ready.length };
    });
    return { ids, owned };
  } finally {
    await Promise.all(group.map((correlator) => correlator.stop()));
    await alerts.stop();
  }
}

describe('correlator instances (Kafka, Redis)', () => {
  it('one instance and three instances in a group produce exactly the alert ids of vigil replay', async () => {
    const env = correlatorTestEnv('scale-events');
    const eventsTopic = env['VIGIL_CORRELATOR_EVENTS_TOPIC'] ?? '';
    topics.push(eventsTopic);
    await createTopics(kafka, [eventsTopic], 6);
    await produceEvents(kafka, eventsTopic, events);
    expect(expected.length).toBeGreaterThan(40);

    const [one, three] = await Promise.all([run(eventsTopic, 1), run(eventsTopic, 3)]);
    expect(one.ids).toEqual(expected);
    expect(three.ids).toEqual(expected);
    expect(one.owned).toEqual([{ router: 6, state: 6 }]);
    // The three really shared the work: each held partitions of both stages.
    expect(three.owned.every((owned) => owned.router > 0 && owned.state > 0)).toBe(true);
    expect(three.owned.reduce((sum, owned) => sum + owned.state, 0)).toBe(6);
  });
});
