import {
  collectTopic,
  createTestKafka,
  deleteTopics,
  produceMessages,
  testLogger,
} from '@vigil/kafka/testing';
import { stackEndpoints, uniqueName, waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { allTopics, ensureTestTopics, testConfig, testEnv } from '../testing/ingestor-test-kit.js';
import { createIngestor } from './create-ingestor.js';

const kafka = createTestKafka('ingestor-headers');
const created: string[][] = [];

afterAll(async () => {
  for (const topics of created) await deleteTopics(kafka, topics);
});

const HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\tconn',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum',
];
const record = (n: number): string =>
  `${String(1795766400 + n)}.000000\tC${String(n)}\t10.0.0.${String(n)}\t51000\t10.0.0.10\t22\ttcp`;

/**
 * A Zeek TSV stream split by a restart: the header and 5 records before it, 5 records after it.
 * The second ingestor instance starts with a fresh parser at the committed offset.
 */
async function splitByRestart(streamState: 'none' | 'redis'): Promise<{ events: number; dead: number }> {
  const config = testConfig(
    testEnv(`ing-headers-${streamState}`, {
      VIGIL_INGESTOR_STREAM_STATE: streamState,
      VIGIL_REDIS_URL: stackEndpoints.redisUrl,
      VIGIL_REDIS_KEY_PREFIX: `${uniqueName('ingestor-headers')}:`,
      VIGIL_INGESTOR_TOPIC_PARTITIONS: '1',
    }),
  );
  created.push(allTopics(config));
  await ensureTestTopics(kafka, config, 1);
  const raw = config.topics.raw.network;
  const events = await collectTopic(kafka, config.topics.events);
  const dead = await collectTopic(kafka, config.topics.deadLetter);
  try {
    const first = createIngestor({ ...config, http: false }, { logger: testLogger('ingestor-1') });
    await first.start();
    await produceMessages(
      kafka,
      raw,
      [...HEADER, ...[1, 2, 3, 4, 5].map(record)].map((value) => ({ value })),
    );
    await waitFor(() => events.messages.length >= 5, {
      timeoutMs: 60_000,
      description: 'the first 5 events',
    });
    await first.stop();

    const second = createIngestor({ ...config, http: false }, { logger: testLogger('ingestor-2') });
    await second.start();
    await produceMessages(
      kafka,
      raw,
      [6, 7, 8, 9, 10].map(record).map((value) => ({ value })),
    );
    await waitFor(() => events.messages.length + dead.messages.length >= 10, {
      timeoutMs: 60_000,
      description: 'the 5 lines after the restart',
    });
    await second.stop();
    return { events: events.messages.length, dead: dead.messages.length };
  } finally {
    await events.stop();
    await dead.stop();
  }
}

describe('Zeek TSV headers across a restart', () => {
  it('with the stream state in Redis, the lines after the restart still parse', async () => {
    expect(await splitByRestart('redis')).toEqual({ events: 10, dead: 0 });
  });

  it('without it, they are dead-lettered (zeek_without_header), never dropped', async () => {
    expect(await splitByRestart('none')).toEqual({ events: 5, dead: 5 });
  });
});
