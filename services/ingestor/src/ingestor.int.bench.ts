/**
 * End-to-end ingestor throughput against the real local broker: N generated lines (default 1M,
 * `generateMixedLog`) are produced to a fresh 6-partition raw topic while the ingestor (main.ts in a
 * child process, as deployed) consumes them; the clock runs from the first produce to the moment every
 * raw message is committed, which the ingestor only does after its events are acknowledged.
 *
 *   node --import tsx services/ingestor/src/ingestor.int.bench.ts [lines]
 *   BENCH_RAW_COMPRESSION=none|gzip  BENCH_INSTANCES=1|2 (ingestor processes in the group)
 *   VIGIL_INGESTOR_*=... (tuning knobs are passed to the ingestor)
 *   BENCH_CHILD_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (node flags for the ingestor processes)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { createServer } from 'node:net';
import { createAdmin, createKafkaClient, createProducer, type OutgoingMessage } from '@vigil/kafka';
import { generateMixedLog } from '@vigil/loggen';
import { createLogger } from '@vigil/core';
import { stackEndpoints, uniqueName, waitFor } from '@vigil/testing';
import { allTopics, MAIN_PATH, REPO_ROOT, testConfig, testEnv } from './testing/ingestor-test-kit.js';
import { deleteTopics, topicSize } from '@vigil/kafka/testing';

const total = Number(process.argv[2] ?? 1_000_000);
const rawCompression = process.env['BENCH_RAW_COMPRESSION'] === 'none' ? 'none' : 'gzip';
const instances = Math.max(1, Number(process.env['BENCH_INSTANCES'] ?? 1));
const childArgs = (process.env['BENCH_CHILD_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');
const logger = createLogger({ name: 'ingestor-bench', level: 'warn' });
const kafka = createKafkaClient(
  { brokers: stackEndpoints.kafkaBrokers, clientId: uniqueName('bench') },
  { logger },
);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fixed single-core workload (an anchored sshd regex), run for 1 s before the bench: comparing it
 * between runs says how much of a difference is the machine's load rather than the ingestor.
 */
function calibrate(): number {
  const re =
    /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\S+) sshd\[(\d+)\]: Failed password for (\S+) from (\S+) port (\d+)/;
  const line = 'Nov 27 08:00:01 web-01 sshd[123]: Failed password for root from 1.2.3.4 port 22 ssh2';
  let count = 0;
  const until = performance.now() + 1_000;
  while (performance.now() < until) {
    for (let i = 0; i < 1_000; i++) if (re.exec(line) !== null) count++;
  }
  return count;
}

/** A metric summed over its label sets and over every ingestor process. */
async function scrape(ports: readonly number[], name: string): Promise<number> {
  let sum = 0;
  for (const port of ports) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n')) {
      if (line.startsWith(name)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return sum;
}

// Tuning knobs from this process's environment win over the bench defaults.
const tuning = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('VIGIL_INGESTOR_') && entry[1] !== undefined,
  ),
);
const calibrationRegexPerSecond = calibrate();
const ports: number[] = [];
for (let i = 0; i < instances; i++) ports.push(await freePort());
const env = testEnv('bench', {
  VIGIL_INGESTOR_TOPIC_PARTITIONS: '6',
  // The production default, not the tests' 6 s: a busy machine must not cost rebalances here.
  VIGIL_INGESTOR_SESSION_TIMEOUT_MS: '30000',
  VIGIL_LOG_LEVEL: 'warn',
  ...tuning,
});
const config = testConfig(env);
const raw = config.topics.raw.host;

process.stderr.write(`generating ${total} lines...\n`);
const messages: OutgoingMessage[] = [];
for (const { line } of generateMixedLog({ lines: total, seed: 1 }))
  messages.push({ value: Buffer.from(line) });
const rawBytes = messages.reduce((sum, m) => sum + (m.value as Buffer).length, 0);

const admin = createAdmin(kafka, { logger });
await admin.ensureTopics(allTopics(config).map((topic) => ({ topic, partitions: 6 })));
const children = ports.map((port) =>
  spawn(process.execPath, [...childArgs, '--import', 'tsx', MAIN_PATH], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, VIGIL_INGESTOR_HTTP_PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  }),
);
for (const port of ports) {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, {
    timeoutMs: 60_000,
    intervalMs: 200,
    description: 'ingestor ready',
  });
}

const producer = createProducer(kafka, { logger, compression: rawCompression });
await producer.connect();
const started = performance.now();
const elapsed = (): number => (performance.now() - started) / 1000;
let producedAt = 0;
const producing = (async () => {
  const chunk = 20_000;
  const sends: Promise<void>[] = [];
  for (let i = 0; i < messages.length; i += chunk)
    sends.push(producer.send(raw, messages.slice(i, i + chunk)));
  await Promise.all(sends);
  producedAt = elapsed();
})();

const samples: { s: number; lag: number; linesIn: number }[] = [];
let finishedAt = 0;
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, 250));
  const lag = (await admin.consumerLag(config.groupId, raw)).reduce((sum, p) => sum + p.lag, 0);
  const linesIn = await scrape(ports, 'vigil_ingestor_lines_in_total');
  const s = elapsed();
  if (samples.length === 0 || s - (samples.at(-1)?.s ?? 0) >= 2)
    samples.push({ s: Number(s.toFixed(1)), lag, linesIn });
  if (producedAt > 0 && lag === 0 && linesIn >= total) {
    finishedAt = s;
    break;
  }
  if (s > 900) throw new Error(`not done after 900 s: lag ${lag}, lines in ${linesIn}`);
}
await producing;
await producer.disconnect();

const cpuSeconds = await scrape(ports, 'process_cpu_seconds_total');
const batches = await scrape(ports, 'vigil_ingestor_batch_duration_seconds_count');
const retries = await scrape(ports, 'vigil_ingestor_produce_retries_total');
const events = await topicSize(kafka, config.topics.events);
const deadLetters = await topicSize(kafka, config.topics.deadLetter);
const exitCodes: (number | null)[] = [];
for (const child of children) {
  child.kill('SIGTERM');
  exitCodes.push(((await once(child, 'exit')) as [number | null])[0]);
}
await admin.disconnect();
await deleteTopics(kafka, allTopics(config));

console.log(
  JSON.stringify({
    bench: 'ingestor end-to-end',
    date: new Date().toISOString().slice(0, 10),
    cpus: os.cpus().length,
    loadavg1: Number(os.loadavg()[0]?.toFixed(2)),
    calibrationRegexPerSecond,
    node: process.version,
    lines: total,
    rawMB: Number((rawBytes / 1e6).toFixed(1)),
    rawCompression,
    instances,
    tuning: {
      compression: config.producer.compression,
      partitionsConcurrently: config.consumer.partitionsConcurrently,
      maxBytesPerPartition: config.consumer.maxBytesPerPartition,
      produceMaxBatchBytes: config.producer.maxBatchBytes,
      produceMaxBatchMessages: config.producer.maxBatchMessages,
    },
    seconds: Number(finishedAt.toFixed(2)),
    linesPerSecond: Math.round(total / finishedAt),
    produceSeconds: Number(producedAt.toFixed(2)),
    events,
    deadLetters,
    batches,
    produceRetries: retries,
    ingestorCpuSeconds: Number(cpuSeconds.toFixed(1)),
    exitCodes,
    lagOverTime: samples,
  }),
);
