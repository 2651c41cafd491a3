import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '@vigil/cli';
import { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from '@vigil/elastic/testing';
import { createIndexer, loadIndexerConfig, type Indexer } from '@vigil/indexer';
import type { Kafka } from '@vigil/kafka';
import { collectTopic, createTestKafka, createTopics, deleteTopics, testLogger } from '@vigil/kafka/testing';
import { createPrng } from '@vigil/loggen';
import { stackEndpoints, waitFor } from '@vigil/testing';
import { computeFamilies } from '../families/compute-families.js';
import { replayAlertIds } from '../test-support/replay-alert-ids.js';
import { spawnCorrelator, type ChildCorrelator } from '../testing/child-correlator.js';
import { correlatorTestEnv, produceEvents } from '../testing/correlator-test-kit.js';
import { mixedLog, parseLines, REPO_ROOT } from '../testing/fixture-logs.js';

const KILLS = 5;
const elastic = createTestElastic();
const env = correlatorTestEnv('crash', {
  VIGIL_LOG_LEVEL: 'info',
  VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: '300',
});
const topicNames = [
  env['VIGIL_CORRELATOR_EVENTS_TOPIC'],
  env['VIGIL_CORRELATOR_ALERTS_TOPIC'],
  env['VIGIL_CORRELATOR_LATE_TOPIC'],
  env['VIGIL_CORRELATOR_DEADLETTER_TOPIC'],
  env['VIGIL_CORRELATOR_REPARTITION_TOPIC'],
].map((topic) => topic ?? '');
const indexPrefix = uniqueIndexPrefix();
let kafka: Kafka;
let indexer: Indexer | undefined;
const children: ChildCorrelator[] = [];

beforeAll(async () => {
  kafka = createTestKafka();
  await createTopics(kafka, topicNames, 6);
});

afterAll(async () => {
  await Promise.allSettled(children.map((child) => child.kill('SIGKILL')));
  await indexer?.stop();
  await deleteTopics(kafka, topicNames);
  await deleteTestIndices(elastic, indexPrefix);
  await elastic.close();
});

async function alertIdsInElasticsearch(): Promise<{ ids: string[]; docs: number }> {
  const index = `${indexPrefix}-alerts-*`;
  await elastic.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const result = await elastic.search({ index, size: 10_000, _source: false, ignore_unavailable: true });
  const ids = result.hits.hits.map((hit) => hit._id ?? '');
  return { ids: [...new Set(ids)].sort(), docs: ids.length };
}

describe('correlator crashes (SIGKILL, Kafka, Redis, Elasticsearch)', () => {
  it('loses no alert and indexes none twice across repeated kills, resuming from Redis checkpoints', async () => {
    const events = parseLines(mixedLog(3_000).map((line) => line.line));
    const expected = replayAlertIds((await loadRulePack([], REPO_ROOT)).result.ruleSet, events);
    const indexerEnv = {
      ...env,
      VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
      VIGIL_ES_INDEX_PREFIX: indexPrefix,
      VIGIL_INDEXER_GROUP: `${env['VIGIL_CORRELATOR_GROUP'] ?? ''}-indexer`,
      VIGIL_INDEXER_EVENTS: 'false',
      VIGIL_INDEXER_ALERTS_TOPIC: topicNames[1] ?? '',
      VIGIL_INDEXER_DEADLETTER_TOPIC: topicNames[3] ?? '',
      VIGIL_INDEXER_RETENTION_INTERVAL_MS: '0',
      VIGIL_LOG_LEVEL: 'warn',
    };
    indexer = createIndexer(loadIndexerConfig(indexerEnv), { kafka, logger: testLogger('indexer') });
    await indexer.start();
    const alertsTopic = await collectTopic(kafka, topicNames[1] ?? '');

    // Events arrive in chunks while the correlator is killed at random moments and restarted.
    const rng = createPrng(20261127);
    const chunks = 8;
    const size = Math.ceil(events.length / chunks);
    for (let i = 0; i < chunks; i++) {
      const child = spawnCorrelator(env);
      children.push(child);
      await child.running();
      await produceEvents(kafka, topicNames[0] ?? '', events.slice(i * size, (i + 1) * size));
      if (i < KILLS) {
        await new Promise((resolve) => setTimeout(resolve, rng.int(300, 2_500)));
        await child.kill('SIGKILL');
      } else if (i < chunks - 1) {
        // No crash this round: stop gracefully (checkpoints on the way out), as a rolling update would.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await child.kill('SIGTERM');
      }
    }

    let found = { ids: [] as string[], docs: 0 };
    await waitFor(
      async () => {
        found = await alertIdsInElasticsearch();
        return found.ids.length >= expected.length;
      },
      { timeoutMs: 90_000, intervalMs: 1_000, description: `${expected.length} alerts in Elasticsearch` },
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    found = await alertIdsInElasticsearch();
    expect(found.ids).toEqual(expected);
    expect(found.docs).toBe(expected.length);

    const restored = children.flatMap((child) =>
      child.logs.filter((entry) => entry['msg'] === 'stage-2 partition restored'),
    );
    expect(restored.some((entry) => entry['source'] === 'checkpoint')).toBe(true);
    // Replays from checkpoints re-emitted alerts (same ids): the topic holds repeats, the index none.
    const emitted = alertsTopic.values.map((value) => (JSON.parse(value) as { id: string }).id);
    expect(new Set(emitted).size).toBe(expected.length);
    await alertsTopic.stop();
  }, 240_000);

  it('rebuilds state from the start of the repartition topic when no checkpoint exists, whatever the group committed', async () => {
    const noCheckpoints = correlatorTestEnv('no-checkpoint', {
      VIGIL_LOG_LEVEL: 'info',
      VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: '3600000',
      VIGIL_CORRELATOR_CHECKPOINT_RECORDS: '1000000000',
    });
    const topics = Object.entries(noCheckpoints)
      .filter(([name]) => name.endsWith('_TOPIC'))
      .map(([, topic]) => topic);
    topicNames.push(...topics);
    await createTopics(kafka, topics, 6);
    const events = parseLines(mixedLog(1_500).map((line) => line.line));
    const ruleSet = (await loadRulePack([], REPO_ROOT)).result.ruleSet;
    const expected = replayAlertIds(ruleSet, events);
    const stateless = new Set(computeFamilies(ruleSet).stateless.map((rule) => rule.meta.id));
    await produceEvents(kafka, noCheckpoints['VIGIL_CORRELATOR_EVENTS_TOPIC'] ?? '', events);
    const alerts = await collectTopic(kafka, noCheckpoints['VIGIL_CORRELATOR_ALERTS_TOPIC'] ?? '');
    const ids = (): string[] => alerts.values.map((value) => (JSON.parse(value) as { id: string }).id);

    const first = spawnCorrelator(noCheckpoints);
    children.push(first);
    await waitFor(() => new Set(ids()).size === expected.length, {
      timeoutMs: 60_000,
      description: 'all alerts once',
    });
    // Let the groups commit, then crash: stage 2's group has committed offsets, Redis has nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await first.kill('SIGKILL');
    const emittedBefore = ids().length;

    const second = spawnCorrelator(noCheckpoints);
    children.push(second);
    // The replay from offset 0 re-emits every stage-2 alert: only a seek to the start makes it.
    const stage2 = new Set(
      alerts.values
        .map((value) => JSON.parse(value) as { id: string; rule: { id: string } })
        .filter((alert) => !stateless.has(alert.rule.id))
        .map((alert) => alert.id),
    );
    expect(stage2.size).toBeGreaterThan(10);
    await waitFor(
      () => {
        const again = ids().slice(emittedBefore);
        return [...stage2].every((id) => again.includes(id));
      },
      { timeoutMs: 90_000, description: 're-emitted stage-2 alerts' },
    );
    expect(new Set(ids())).toEqual(new Set(expected));
    const restored = second.logs.filter((entry) => entry['msg'] === 'stage-2 partition restored');
    expect(restored.map((entry) => [entry['source'], entry['offset']])).toContainEqual(['empty', '0']);
    await alerts.stop();
  }, 180_000);
});
