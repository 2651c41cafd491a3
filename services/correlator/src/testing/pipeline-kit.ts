/**
 * The whole streaming pipeline in one process on the real stack, for the end-to-end tests and the
 * benchmark: raw topic → ingestor → events → correlator → alerts → indexer → Elasticsearch, on
 * unique topics, groups, Redis keys and index prefix.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runReplayCommand } from '@vigil/cli';
import { uniqueIndexPrefix } from '@vigil/elastic/testing';
import { createIndexer, loadIndexerConfig, type Indexer } from '@vigil/indexer';
import { createIngestor, loadIngestorConfig, type Ingestor } from '@vigil/ingestor';
import { createProducer, type Kafka } from '@vigil/kafka';
import { createTopics, deleteTopics, testLogger } from '@vigil/kafka/testing';
import { stackEndpoints } from '@vigil/testing';
import { loadCorrelatorConfig } from '../config/load-correlator-config.js';
import { createCorrelator, type Correlator } from '../correlator/create-correlator.js';
import { correlatorTestEnv } from './correlator-test-kit.js';
import { REPO_ROOT } from './fixture-logs.js';

export interface Pipeline {
  readonly ingestor: Ingestor;
  readonly correlator: Correlator;
  readonly indexer: Indexer;
  readonly rawTopic: string;
  readonly eventsTopic: string;
  readonly alertsTopic: string;
  readonly indexPrefix: string;
  readonly topics: readonly string[];
  stop(): Promise<void>;
}

/** Starts the three services on fresh topics (raw: one partition, so lines keep their order). */
export async function startPipeline(kafka: Kafka, extra: Record<string, string> = {}): Promise<Pipeline> {
  const env = correlatorTestEnv('pipeline', extra);
  const correlatorConfig = loadCorrelatorConfig(env, REPO_ROOT);
  const base = correlatorConfig.groupId.replace(/-correlator$/, '');
  const rawTopic = `${base}.raw.host`;
  const eventsTopic = correlatorConfig.topics.events;
  const alertsTopic = correlatorConfig.topics.alerts;
  const indexPrefix = uniqueIndexPrefix();
  const ingestorEnv = {
    ...env,
    VIGIL_INGESTOR_GROUP: `${base}-ingestor`,
    VIGIL_INGESTOR_RAW_HOST_TOPIC: rawTopic,
    VIGIL_INGESTOR_RAW_NETWORK_TOPIC: `${base}.raw.network`,
    VIGIL_INGESTOR_RAW_ADMIN_TOPIC: `${base}.raw.admin`,
    VIGIL_INGESTOR_EVENTS_TOPIC: eventsTopic,
    VIGIL_INGESTOR_DEADLETTER_TOPIC: `${base}.ingest-deadletter`,
    VIGIL_INGESTOR_ENSURE_TOPICS: 'false',
    VIGIL_INGESTOR_HTTP_HOST: '127.0.0.1',
    VIGIL_INGESTOR_HTTP_PORT: '0',
    VIGIL_INGESTOR_MAX_WAIT_MS: '100',
    VIGIL_INGESTOR_SESSION_TIMEOUT_MS: '6000',
    VIGIL_INGESTOR_COMPRESSION: 'none',
  };
  const indexerEnv = {
    ...env,
    VIGIL_ES_URL: stackEndpoints.elasticsearchUrl,
    VIGIL_ES_INDEX_PREFIX: indexPrefix,
    VIGIL_INDEXER_GROUP: `${base}-indexer`,
    VIGIL_INDEXER_EVENTS_TOPIC: eventsTopic,
    VIGIL_INDEXER_ALERTS_TOPIC: alertsTopic,
    VIGIL_INDEXER_DEADLETTER_TOPIC: `${base}.index-deadletter`,
    VIGIL_INDEXER_HTTP_HOST: '127.0.0.1',
    VIGIL_INDEXER_HTTP_PORT: '0',
    VIGIL_INDEXER_MAX_WAIT_MS: '100',
    VIGIL_INDEXER_SESSION_TIMEOUT_MS: '6000',
    VIGIL_INDEXER_RETENTION_INTERVAL_MS: '0',
  };
  const topics = [
    rawTopic,
    ingestorEnv.VIGIL_INGESTOR_RAW_NETWORK_TOPIC,
    ingestorEnv.VIGIL_INGESTOR_RAW_ADMIN_TOPIC,
    ingestorEnv.VIGIL_INGESTOR_DEADLETTER_TOPIC,
    indexerEnv.VIGIL_INDEXER_DEADLETTER_TOPIC,
    eventsTopic,
    alertsTopic,
    correlatorConfig.topics.late,
    correlatorConfig.topics.deadLetter,
    correlatorConfig.topics.repartition,
  ];
  await createTopics(kafka, topics.slice(0, 3), 1);
  await createTopics(kafka, topics.slice(3), 6);
  const ingestor = createIngestor(loadIngestorConfig(ingestorEnv), { kafka, logger: testLogger('ingestor') });
  const correlator = createCorrelator(correlatorConfig, { kafka, logger: testLogger('correlator') });
  const indexer = createIndexer(loadIndexerConfig(indexerEnv), { kafka, logger: testLogger('indexer') });
  await Promise.all([ingestor.start(), correlator.start(), indexer.start()]);
  return {
    ingestor,
    correlator,
    indexer,
    rawTopic,
    eventsTopic,
    alertsTopic,
    indexPrefix,
    topics,
    async stop() {
      await Promise.allSettled([ingestor.stop(), correlator.stop(), indexer.stop()]);
      await deleteTopics(kafka, topics);
    },
  };
}

/** Produces raw lines in their order (one partition: the ingestor reads them in that order). */
export async function produceLines(kafka: Kafka, topic: string, lines: readonly string[]): Promise<void> {
  const producer = createProducer(kafka, { logger: testLogger('test-producer'), compression: 'none' });
  await producer.connect();
  try {
    for (let i = 0; i < lines.length; i += 5_000) {
      await producer.send(
        topic,
        lines.slice(i, i + 5_000).map((line) => ({ value: line })),
      );
    }
  } finally {
    await producer.disconnect();
  }
}

/** `vigil replay FILE` on the lines, as the command line runs it: the alert ids, sorted. */
export async function vigilReplayIds(lines: readonly string[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-replay-'));
  const file = join(dir, 'fixture.log');
  writeFileSync(file, `${lines.join('\n')}\n`);
  let stdout = '';
  const code = await runReplayCommand(['--quiet', file], {
    stdin: Readable.from([]),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: () => true },
    cwd: REPO_ROOT,
    env: {},
  });
  if (code !== 0) throw new Error(`vigil replay exited ${code}`);
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => (JSON.parse(line) as { id: string }).id)
    .sort();
}
