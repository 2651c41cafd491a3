/**
 * Throughput of the producer and consumer wrappers against the local broker:
 *   node --import tsx packages/kafka/src/bench/produce-consume.bench.ts [messages]
 * Prints one JSON line.
 */
import { uniqueName } from '@vigil/testing';
import { createAdmin } from '../admin/vigil-admin.js';
import { createConsumer } from '../consumer/vigil-consumer.js';
import { createProducer } from '../producer/vigil-producer.js';
import { createTestKafka, testLogger } from '../testing/index.js';

const total = Number(process.argv[2] ?? 100_000);
const partitions = 6;
const kafka = createTestKafka('bench');
const admin = createAdmin(kafka, { logger: testLogger('bench-admin') });
const topic = uniqueName('bench');
await admin.ensureTopics([{ topic, partitions }]);

// ~200-byte syslog-like lines, keyed by source address like the ingestor does.
const line = (i: number): string =>
  `<38>Mar 12 10:0${i % 10}:11 web-${i % 50} sshd[${1000 + (i % 9000)}]: Failed password for invalid user u${i} from 198.51.100.${i % 250} port ${40000 + (i % 20000)} ssh2`;

const compression = process.argv[3] === 'none' ? 'none' : 'gzip';
const producer = createProducer(kafka, { logger: testLogger('bench-producer'), compression });
await producer.connect();
const produceStart = performance.now();
const sends: Promise<void>[] = [];
for (let offset = 0; offset < total; offset += 500) {
  const messages = [];
  for (let i = offset; i < Math.min(total, offset + 500); i++)
    messages.push({ key: `198.51.100.${i % 250}`, value: line(i) });
  sends.push(producer.send(topic, messages));
}
await Promise.all(sends);
const produceMs = performance.now() - produceStart;
await producer.disconnect();

let consumed = 0;
let resolveAll: () => void = () => undefined;
const all = new Promise<void>((resolve) => {
  resolveAll = resolve;
});
const consumer = createConsumer(kafka, {
  groupId: uniqueName('bench-group'),
  topics: [topic],
  logger: testLogger('bench-consumer'),
  shutdownSignals: false,
  partitionsConsumedConcurrently: 3,
  handler: (batch) => {
    consumed += batch.messages.length;
    if (consumed >= total) resolveAll();
    return Promise.resolve();
  },
});
const consumeStart = performance.now();
await consumer.start();
await all;
const consumeMs = performance.now() - consumeStart;
await consumer.stop();
await admin.deleteTopics([topic]);
await admin.disconnect();

console.log(
  JSON.stringify({
    bench: 'kafka-produce-consume',
    messages: total,
    compression,
    partitions,
    produceMs: Math.round(produceMs),
    producePerSec: Math.round(total / (produceMs / 1000)),
    consumeMs: Math.round(consumeMs),
    consumePerSec: Math.round(total / (consumeMs / 1000)),
  }),
);
