import { createAdmin, type OutgoingMessage } from '@vigil/kafka';
import {
  collectTopic,
  createTestKafka,
  deleteTopics,
  produceMessages,
  testLogger,
  topicSize,
} from '@vigil/kafka/testing';
import { createPrng, generateMixedLog } from '@vigil/loggen';
import { deadLetterSchema, type VigilEvent } from '@vigil/schema';
import { waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { allTopics, testConfig, testEnv } from '../testing/ingestor-test-kit.js';
import { createIngestor } from './create-ingestor.js';

const kafka = createTestKafka('ingestor-malformed');
const created: string[][] = [];

afterAll(async () => {
  for (const topics of created) await deleteTopics(kafka, topics);
});

const MB = 1024 * 1024;
const REPEAT =
  'Nov 27 08:00:09 web-01 sshd[9]: message repeated 7 times: [ Failed password for root from 9.9.9.9 port 22 ssh2]';

function burst(): { messages: OutgoingMessage[]; good: number } {
  const rng = createPrng(7);
  const good = [...generateMixedLog({ lines: 200, seed: 3 })]
    .filter((l) => l.stream === 'host')
    .map((l) => l.line);
  const garbage = Array.from({ length: 20 }, () =>
    Buffer.from(Array.from({ length: 1 + rng.int(0, 200) }, () => rng.int(0, 255))),
  );
  const messages: OutgoingMessage[] = [
    ...garbage.map((value) => ({ value })),
    ...Array.from({ length: 5 }, () => ({ value: '{}' })),
    ...Array.from({ length: 5 }, (_, i) => ({ value: `{"line": "Nov 27 08:00:0${i} web-01 sshd[1]: Acc` })),
    { value: `Nov 27 08:00:10 web-01 app[3]: ${'A'.repeat(MB)}` },
    { value: 'Z'.repeat(MB) },
    { value: null },
    { value: JSON.stringify({ line: good[0], host: 42 }) },
    { value: REPEAT },
    ...good.map((value) => ({ value })),
  ];
  // Interleave, so bad input sits between good lines in every partition.
  const order = messages.map((message, i) => ({ message, sort: (i * 7919) % messages.length }));
  order.sort((a, b) => a.sort - b.sort);
  return { messages: order.map((o) => o.message), good: good.length };
}

describe('ingestor with malformed input', () => {
  it('dead-letters a malformed burst with reasons and loses nothing: messages in = events + dead letters', async () => {
    const config = testConfig(testEnv('ing-bad'));
    created.push(allTopics(config));
    const raw = config.topics.raw.host;
    const admin = createAdmin(kafka, { logger: testLogger('admin') });
    // The 1 MB lines need a raw topic that accepts them (the broker default is 1 MB per batch).
    await admin.ensureTopics([
      { topic: raw, partitions: 2, config: { 'max.message.bytes': String(4 * MB) } },
    ]);
    const ingestor = createIngestor(config, { logger: testLogger('ingestor') });
    await ingestor.start();
    const { messages, good } = burst();
    await produceMessages(kafka, raw, messages);
    try {
      await waitFor(
        async () =>
          (await admin.consumerLag(config.groupId, raw)).every((p) => p.lag === 0 && p.committed !== null),
        {
          timeoutMs: 60_000,
          intervalMs: 250,
          description: 'every raw message committed',
        },
      );
    } finally {
      await ingestor.stop();
      await admin.disconnect();
    }

    const eventCount = await topicSize(kafka, config.topics.events);
    const letterCount = await topicSize(kafka, config.topics.deadLetter);
    const [events, letters] = await Promise.all([
      collectTopic(kafka, config.topics.events),
      collectTopic(kafka, config.topics.deadLetter),
    ]);
    await waitFor(() => events.messages.length >= eventCount && letters.messages.length >= letterCount, {
      description: 'all output read',
    });
    await Promise.all([events.stop(), letters.stop()]);
    const parsedEvents = events.messages.map((m) => JSON.parse(m.value) as VigilEvent);
    const parsedLetters = letters.messages.map((m) => deadLetterSchema.parse(JSON.parse(m.value)));

    // Every raw offset ends up exactly once as a line with events or as one dead letter.
    const origins = new Map<string, string>();
    for (const e of parsedEvents) {
      if ((e.vigil.repeat?.index ?? 1) > 1) continue;
      const at = `${e.vigil.origin?.partition}/${e.vigil.origin?.offset}`;
      expect(origins.has(at)).toBe(false);
      origins.set(at, 'event');
    }
    for (const d of parsedLetters) {
      const at = `${d.origin?.partition}/${d.origin?.offset}`;
      expect(origins.has(at)).toBe(false);
      origins.set(at, d.code);
    }
    expect(origins.size).toBe(messages.length);
    expect(parsedEvents).toHaveLength(good + 1 + 7);
    expect(parsedLetters).toHaveLength(messages.length - good - 2);

    const codes = new Map<string, number>();
    for (const d of parsedLetters) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    expect(codes.get('empty_message')).toBe(6);
    expect(codes.get('invalid_json')).toBe(5);
    expect(codes.get('invalid_envelope')).toBe(1);
    for (const d of parsedLetters) expect(d.reason.length).toBeGreaterThan(0);
    const binary = parsedLetters.filter((d) => d.encoding === 'base64');
    expect(binary.length).toBeGreaterThan(10);
    // deadLetterSchema strips the size fields the ingestor adds, so they are read from the raw JSON.
    const huge = letters.messages
      .map((m) => JSON.parse(m.value) as { original: string })
      .find((d) => d.original.startsWith('ZZZZ'))!;
    expect(huge).toMatchObject({ code: 'not_a_log_line', original_truncated: true, original_bytes: MB });
    expect(huge.original).toHaveLength(256 * 1024);
    const cut = parsedEvents.find((e) => e.vigil.truncated === true)!;
    expect(cut.event.original.length).toBeLessThanOrEqual(64 * 1024);
    expect(parsedEvents.filter((e) => e.event.original === REPEAT).map((e) => e.vigil.repeat?.index)).toEqual(
      [1, 2, 3, 4, 5, 6, 7],
    );
  });
});
