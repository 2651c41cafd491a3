import { createKafkaClient, createProducer, createAdmin } from '@vigil/kafka';
import { generateMixedLog } from '@vigil/loggen';
import { createLogger } from '@vigil/core';
const logger = createLogger({ name: 'x', level: 'warn' });
const kafka = createKafkaClient({ brokers: ['127.0.0.1:9092'], clientId: 'fill' }, { logger });
const topic = process.argv[2]!;
const admin = createAdmin(kafka, { logger });
await admin.ensureTopics(
  ['host', 'network', 'admin', 'events', 'dl'].map((s) => ({ topic: `${topic}.${s}`, partitions: 6 })),
);
await admin.disconnect();
const p = createProducer(kafka, { logger, compression: (process.env.RAWC ?? 'none') as 'none' });
await p.connect();
const msgs = [...generateMixedLog({ lines: 200_000, seed: 1 })].map((l) => ({ value: Buffer.from(l.line) }));
const sends = [];
for (let i = 0; i < msgs.length; i += 20000) sends.push(p.send(`${topic}.host`, msgs.slice(i, i + 20000)));
await Promise.all(sends);
await p.disconnect();
