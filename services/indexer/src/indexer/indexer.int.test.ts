import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestIndices, createTestElastic, sampleAlert, sampleEvent } from '@vigil/elastic/testing';
import type { Kafka } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  createTopics,
  deleteTopics,
  produceMessages,
  testLogger,
} from '@vigil/kafka/testing';
import { deadLetterSchema } from '@vigil/schema';
import { waitFor } from '@vigil/testing';
import { loadIndexerConfig } from '../config/load-indexer-config.js';
import { countDocuments, indexerTestEnv } from '../testing/indexer-test-kit.js';
import { createIndexer, type Indexer } from './create-indexer.js';

const elastic = createTestElastic();
const config = loadIndexerConfig(indexerTestEnv('indexer'));
const prefix = config.elastic.indexPrefix;
let kafka: Kafka;
let indexer: Indexer | undefined;

const eventsTopic = config.topics.events ?? '';
const alertsTopic = config.topics.alerts ?? '';

beforeAll(async () => {
  kafka = createTestKafka();
  await createTopics(kafka, [eventsTopic, alertsTopic, config.topics.deadLetter], 3);
});

afterAll(async () => {
  await indexer?.stop();
  await deleteTopics(kafka, [eventsTopic, alertsTopic, config.topics.deadLetter]);
  await deleteTestIndices(elastic, prefix);
  await elastic.close();
});

const events = Array.from({ length: 300 }, (_, i) =>
  sampleEvent({
    id: `evt-${i}`,
    timestamp: new Date(Date.UTC(2024, 4, 1, 23, 50) + i * 5_000).toISOString(),
    sourceIp: `198.51.100.${i % 250}`,
  }),
);
const alerts = ['a', 'b', 'c'].map((suffix) => sampleAlert(suffix));
const json = (value: unknown): { key: null; value: string } => ({ key: null, value: JSON.stringify(value) });

describe('indexer (Kafka, Elasticsearch)', () => {
  it('indexes events and alerts into daily indices by id, once, and dead-letters what ES refuses', async () => {
    const broken = { ...sampleEvent({ id: 'evt-broken' }), source: { ip: 'not-an-address' } };
    await produceMessages(kafka, eventsTopic, [
      ...events.map(json),
      json(broken),
      { key: null, value: '{not json' },
    ]);
    await produceMessages(kafka, alertsTopic, alerts.map(json));
    const deadLetters = await collectTopic(kafka, config.topics.deadLetter);
    indexer = createIndexer(config, { logger: testLogger('indexer') });
    await indexer.start();

    await waitFor(async () => (await countDocuments(elastic, `${prefix}-events-*`)) === events.length, {
      timeoutMs: 60_000,
      description: 'every event indexed',
    });
    await waitFor(async () => (await countDocuments(elastic, `${prefix}-alerts-*`)) === alerts.length, {
      description: 'every alert indexed',
    });
    // Events go to the index of their own day: the sample spans midnight.
    const indices = await elastic.cat.indices({
      index: `${prefix}-events-*,${prefix}-alerts-*`,
      h: 'index',
      format: 'json',
    });
    expect(indices.map((row) => row.index).sort()).toEqual([
      `${prefix}-alerts-2024.05.01`,
      `${prefix}-events-2024.05.01`,
      `${prefix}-events-2024.05.02`,
    ]);
    const alert = alerts[0]!;
    const stored = await elastic.get({ index: `${prefix}-alerts-2024.05.01`, id: alert.id });
    expect(stored._source).toEqual(alert);

    await waitFor(() => deadLetters.values.length >= 2, { description: 'two dead letters' });
    const letters = deadLetters.values.map((value) => deadLetterSchema.parse(JSON.parse(value)));
    expect(letters.map((letter) => [letter.stage, letter.code]).sort()).toEqual([
      ['index', 'es_rejected'],
      ['index', 'invalid_json'],
    ]);
    const rejected = letters.find((letter) => letter.code === 'es_rejected');
    expect(rejected?.reason).toContain('source.ip');
    expect(JSON.parse(rejected?.original ?? '{}')).toEqual(broken);
    expect(rejected?.origin).toMatchObject({ topic: eventsTopic });

    // The same messages again (a replay, a redelivery): no new document, counted as duplicates.
    await produceMessages(kafka, eventsTopic, events.slice(0, 50).map(json));
    await produceMessages(kafka, alertsTopic, alerts.map(json));
    await waitFor(
      async () => {
        const body = await indexer?.metrics.exposition();
        return (
          /vigil_indexer_documents_total\{family="alerts",outcome="duplicate"\} 3/.test(body ?? '') &&
          /vigil_indexer_documents_total\{family="events",outcome="duplicate"\} 50/.test(body ?? '')
        );
      },
      { description: 'the re-sent documents counted as duplicates' },
    );
    expect(await countDocuments(elastic, `${prefix}-events-*`)).toBe(events.length);
    expect(await countDocuments(elastic, `${prefix}-alerts-*`)).toBe(alerts.length);
    expect(indexer.health()).toMatchObject({ templates: 'installed', producer: 'connected' });
    await deadLetters.stop();
  });

  it('makes an alert searchable as soon as it is indexed (its own lane, refreshed on write)', async () => {
    expect(indexer).toBeDefined();
    const alert = sampleAlert('fresh');
    const indexed = async (): Promise<number> =>
      Number(
        /vigil_indexer_documents_total\{family="alerts",outcome="indexed"\} (\d+)/.exec(
          (await indexer?.metrics.exposition()) ?? '',
        )?.[1] ?? '0',
      );
    const before = await indexed();
    await produceMessages(kafka, alertsTopic, [json(alert)]);
    await waitFor(async () => (await indexed()) > before, { intervalMs: 10, description: 'alert indexed' });
    // No refresh call here: the write itself made the alert visible to search.
    const found = await elastic.search({
      index: `${prefix}-alerts-*`,
      query: { ids: { values: [alert.id] } },
    });
    expect(found.hits.hits.map((hit) => hit._id)).toEqual([alert.id]);
  });
});
