import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createAdmin, KafkaProtocolError, type VigilAdmin } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  deleteTopics,
  produceMessages,
  testLogger,
  topicSize,
} from '@vigil/kafka/testing';
import { generateMixedLog } from '@vigil/loggen';
import { createLineParser } from '@vigil/parsers';
import { waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestorConfig } from '../config/ingestor-config.js';
import {
  allTopics,
  ensureTestTopics,
  MAIN_PATH,
  REPO_ROOT,
  testConfig,
  testEnv,
} from '../testing/ingestor-test-kit.js';
import { createIngestor } from './create-ingestor.js';
import type { EventSink } from './event-sink.js';

const kafka = createTestKafka('ingestor-alo');
const admin: VigilAdmin = createAdmin(kafka, { logger: testLogger('admin') });
const created: string[][] = [];

afterAll(async () => {
  await admin.disconnect();
  for (const topics of created) await deleteTopics(kafka, topics);
});

/** Host lines from the generator and the event ids the parser gives them, computed offline. */
function input(lines: number, seed: number): { lines: string[]; ids: Set<string> } {
  const list = [...generateMixedLog({ lines, seed })].map((l) => l.line);
  const parser = createLineParser();
  const ids = new Set<string>();
  for (const line of list) {
    const outcome = parser.parse(line);
    if (outcome.ok) for (const event of outcome.events) ids.add(event.event.id);
  }
  return { lines: list, ids };
}

async function committedAll(config: IngestorConfig): Promise<boolean> {
  const lag = await admin.consumerLag(config.groupId, config.topics.raw.host);
  return lag.every((p) => p.lag === 0 && p.committed !== null);
}

/** Every event id on the events topic (with duplicates counted). */
async function eventIds(config: IngestorConfig): Promise<string[]> {
  const size = await topicSize(kafka, config.topics.events);
  const reader = await collectTopic(kafka, config.topics.events);
  try {
    await waitFor(() => reader.messages.length >= size, { description: `${size} events` });
  } finally {
    await reader.stop();
  }
  return reader.messages.map((m) => (JSON.parse(m.value) as { event: { id: string } }).event.id);
}

/** A sink that fails some sends before they reach Kafka, in front of the real producer. */
function failing(fail: (call: number) => Error | undefined): (sink: EventSink) => EventSink {
  let calls = 0;
  return (sink) => ({
    connect: () => sink.connect(),
    disconnect: () => sink.disconnect(),
    sendMany: (batches) => {
      const error = fail(++calls);
      return error === undefined ? sink.sendMany(batches) : Promise.reject(error);
    },
  });
}

const injected = (retriable: boolean): Error =>
  new KafkaProtocolError('injected produce failure', {
    code: retriable ? 'KAFKA_NOT_LEADER_OR_FOLLOWER' : 'KAFKA_MESSAGE_TOO_LARGE',
    retriable,
    cause: undefined,
    kafkaName: 'KafkaJSProtocolError',
  });

describe('at-least-once delivery', () => {
  it('retries a retriable produce failure in place: every event once, nothing re-read', async () => {
    const config = testConfig(testEnv('ing-retry'));
    created.push(allTopics(config));
    const { lines, ids } = input(400, 21);
    const ingestor = createIngestor(config, {
      logger: testLogger('ingestor'),
      wrapSink: failing((call) => (call <= 2 ? injected(true) : undefined)),
    });
    await ingestor.start();
    await produceMessages(
      kafka,
      config.topics.raw.host,
      lines.map((value) => ({ value })),
    );
    await waitFor(() => committedAll(config), {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: 'all committed',
    });
    await ingestor.stop();
    const seen = await eventIds(config);
    expect(seen).toHaveLength(lines.length);
    expect(new Set(seen)).toEqual(ids);
    expect(await ingestor.metrics.exposition()).toContain(
      'vigil_ingestor_produce_retries_total{code="KAFKA_NOT_LEADER_OR_FOLLOWER"} 2',
    );
  });

  it('never commits a batch whose produce failed for good; a restart delivers every event', async () => {
    const config = testConfig(testEnv('ing-fail', { VIGIL_INGESTOR_MAX_BYTES_PER_PARTITION: '4096' }));
    created.push(allTopics(config));
    const { lines, ids } = input(600, 22);
    await ensureTestTopics(kafka, config);
    await produceMessages(
      kafka,
      config.topics.raw.host,
      lines.map((value) => ({ value })),
      { chunk: 25 },
    );
    const broken = createIngestor(config, {
      logger: testLogger('ingestor-broken'),
      wrapSink: failing((call) => (call > 3 ? injected(false) : undefined)),
    });
    await broken.start();
    await expect(broken.done).rejects.toThrow('injected produce failure');
    await broken.stop();
    const lagAfterFailure = await admin.consumerLag(config.groupId, config.topics.raw.host);
    expect(lagAfterFailure.reduce((sum, p) => sum + p.lag, 0)).toBeGreaterThan(0);
    expect(broken.isReady()).toBe(false);

    const healthy = createIngestor(config, { logger: testLogger('ingestor-healthy') });
    await healthy.start();
    await waitFor(() => committedAll(config), {
      timeoutMs: 60_000,
      intervalMs: 250,
      description: 'all committed',
    });
    await healthy.stop();
    const seen = await eventIds(config);
    expect(new Set(seen)).toEqual(ids);
    expect(seen.length).toBeGreaterThanOrEqual(lines.length);
  });

  it('survives SIGKILL of main.ts mid-stream: after a restart every line has its event, with the same ids', async () => {
    const env = testEnv('ing-kill', { VIGIL_INGESTOR_MAX_BYTES_PER_PARTITION: '16384' });
    const config = testConfig(env);
    created.push(allTopics(config));
    const { lines, ids } = input(20_000, 23);
    await ensureTestTopics(kafka, config);
    await produceMessages(
      kafka,
      config.topics.raw.host,
      lines.map((value) => ({ value })),
      { chunk: 200 },
    );
    const run = (): ChildProcess =>
      spawn(process.execPath, ['--import', 'tsx', MAIN_PATH], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });

    const first = run();
    await waitFor(async () => (await topicSize(kafka, config.topics.events)) >= 2_000, {
      timeoutMs: 60_000,
      intervalMs: 100,
      description: 'the first process under way',
    });
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = await topicSize(kafka, config.topics.events);
    expect(atKill).toBeLessThan(lines.length);

    const second = run();
    await waitFor(() => committedAll(config), {
      timeoutMs: 90_000,
      intervalMs: 250,
      description: 'all committed',
    });
    second.kill('SIGTERM');
    const [code] = (await once(second, 'exit')) as [number | null];
    expect(code).toBe(0);
    const seen = await eventIds(config);
    expect(new Set(seen)).toEqual(ids);
    expect(seen.length).toBeGreaterThanOrEqual(lines.length);
  });
});
