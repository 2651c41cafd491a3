/**
 * The streaming pipeline on the local stack (ingestor → correlator → indexer, in this process):
 *   node --import tsx services/correlator/src/pipeline.int.bench.ts [backlogLines] [linesPerSecond] [seconds] [latenessMs]
 *
 * 0. Correlator alone: `backlogLines` parsed events put on its events topic at once; how long until
 *    stage 2 has applied every copy stage 1 made.
 * 1. Throughput: `backlogLines` generated log lines put on the raw topic at once; how long until
 *    every event is searchable in Elasticsearch (and until the correlator's stage 1 routed them all).
 * 2. Latency: lines produced in real time (event time = now) at `linesPerSecond` for `seconds`;
 *    for every alert, from the produce of its newest evidence line to the alert on the alerts topic
 *    (its record timestamp) and to the alert being searchable in Elasticsearch (polled every 250 ms).
 *    Absence alerts are left out (they fire on silence, not on a line).
 * `BENCH_PARTS=latency` (or any comma list of correlator, throughput, latency) runs only those parts;
 * `BENCH_SLOWEST=1` prints the eight slowest alerts (id, rule type, ms) to stderr; `BENCH_SUBSECOND=1`
 * makes the latency part's input sub-second only (web lines as JSON with ms, no whole-second CloudTrail).
 * Prints one JSON line, then a markdown table.
 */
import { createTestElastic, deleteTestIndices } from '@vigil/elastic/testing';
import { createTestKafka, createTopics, deleteTopics } from '@vigil/kafka/testing';
import { generateMixedLog } from '@vigil/loggen';
import { createLineParser } from '@vigil/parsers';
import { uniqueName, waitFor } from '@vigil/testing';
import { loadCorrelatorConfig } from './config/load-correlator-config.js';
import { createCorrelator, type Correlator } from './correlator/create-correlator.js';
import { correlatorTestEnv, produceEvents } from './testing/correlator-test-kit.js';
import { parseLines, REPO_ROOT } from './testing/fixture-logs.js';
import { produceLines, startPipeline, type Pipeline } from './testing/pipeline-kit.js';

const backlog = Number(process.argv[2] ?? 40_000);
const rate = Number(process.argv[3] ?? 400);
const seconds = Number(process.argv[4] ?? 45);
const latenessMs = process.argv[5] ?? '5000';
/** Sub-second sources only: web lines as JSON with milliseconds, no CloudTrail (latency part). */
const subsecond = process.env.BENCH_SUBSECOND === '1';

const kafka = createTestKafka('bench');
const elastic = createTestElastic();
const settings = {
  VIGIL_LOG_LEVEL: 'error',
  VIGIL_CORRELATOR_LATENESS_MS: latenessMs,
  VIGIL_CORRELATOR_MARKER_INTERVAL_MS: '500',
  VIGIL_CORRELATOR_IDLE_AFTER_MS: process.env.BENCH_IDLE_AFTER_MS ?? '3000',
  VIGIL_CORRELATOR_CHECKPOINT_INTERVAL_MS: '5000',
  VIGIL_CORRELATOR_COMPRESSION: 'gzip',
};

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function count(index: string): Promise<number> {
  return (await elastic.count({ index, ignore_unavailable: true, allow_no_indices: true })).count;
}

/** A counter of the correlator's metrics (summed over labels). */
async function metric(correlator: Correlator, name: string): Promise<number> {
  const body = await correlator.metrics.exposition();
  return [...body.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'gm'))].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
}

async function correlatorAlone(): Promise<Record<string, number>> {
  const config = loadCorrelatorConfig(correlatorTestEnv('bench-correlator', settings), REPO_ROOT);
  const topics = Object.values(config.topics);
  await createTopics(kafka, topics, 6);
  const events = parseLines(
    [...generateMixedLog({ lines: backlog, seed: 11, gapMs: 50, attackShare: 0.1 })].map((l) => l.line),
  );
  await produceEvents(kafka, config.topics.events, events);
  const correlator = createCorrelator(config);
  await correlator.start();
  const started = performance.now();
  try {
    let routedAt = 0;
    await waitFor(
      async () => {
        if (
          routedAt === 0 &&
          (await metric(correlator, 'vigil_correlator_events_routed_total')) >= events.length
        )
          routedAt = performance.now();
        if (routedAt === 0) return false;
        const copies = await metric(correlator, 'vigil_correlator_copies_total');
        return (await metric(correlator, 'vigil_correlator_events_applied_total')) >= copies;
      },
      { timeoutMs: 1_800_000, intervalMs: 250, description: 'every copy applied' },
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      correlator_events: events.length,
      correlator_copies: await metric(correlator, 'vigil_correlator_copies_total'),
      correlator_s: Math.round(seconds * 10) / 10,
      correlator_events_per_s: Math.round(events.length / seconds),
    };
  } finally {
    await correlator.stop();
    await deleteTopics(kafka, topics);
  }
}

async function throughput(): Promise<Record<string, number>> {
  const pipeline = await startPipeline(kafka, settings);
  try {
    const lines = [...generateMixedLog({ lines: backlog, seed: 11, gapMs: 50, attackShare: 0.1 })].map(
      (l) => l.line,
    );
    const ids = new Set<string>();
    let events = 0;
    const parser = createLineParser({});
    for (const line of lines) {
      const outcome = parser.parse(line);
      if (outcome.ok) for (const event of outcome.events) ids.add(event.event.id);
      if (outcome.ok) events += outcome.events.length;
    }
    const started = performance.now();
    await produceLines(kafka, pipeline.rawTopic, lines);
    const produced = performance.now();
    let correlatedAt = 0;
    let indexed = 0;
    await waitFor(
      async () => {
        if (correlatedAt === 0 && (await routed(pipeline)) >= events) correlatedAt = performance.now();
        if (indexed === 0) {
          await elastic.indices.refresh({
            index: `${pipeline.indexPrefix}-events-*`,
            ignore_unavailable: true,
          });
          if ((await count(`${pipeline.indexPrefix}-events-*`)) >= ids.size) indexed = performance.now();
        }
        return correlatedAt > 0 && indexed > 0;
      },
      { timeoutMs: 1_800_000, intervalMs: 500, description: 'every event searchable and routed' },
    );
    const seconds = (indexed - started) / 1000;
    return {
      backlog_lines: lines.length,
      distinct_events: ids.size,
      produce_s: Math.round((produced - started) / 100) / 10,
      end_to_end_s: Math.round(seconds * 10) / 10,
      end_to_end_events_per_s: Math.round(ids.size / seconds),
      correlator_routed_all_s: Math.round((correlatedAt - started) / 100) / 10,
    };
  } finally {
    await pipeline.stop();
    await deleteTestIndices(elastic, pipeline.indexPrefix);
  }
}

/** Events stage 1 of the correlator has routed so far (from its metrics). */
async function routed(pipeline: Pipeline): Promise<number> {
  const body = await pipeline.correlator.metrics.exposition();
  return Number(/vigil_correlator_events_routed_total (\d+)/.exec(body)?.[1] ?? '0');
}

async function latency(): Promise<Record<string, number>> {
  const pipeline = await startPipeline(kafka, settings);
  const alertTimes = new Map<string, { at: number; evidence: string[]; type: string }>();
  const consumer = kafka.consumer({ groupId: uniqueName('bench-alerts'), maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topics: [pipeline.alertsTopic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const alert = JSON.parse(message.value?.toString() ?? '{}') as {
        id: string;
        rule: { type: string };
        evidence: { event_ids: string[] };
      };
      if (!alertTimes.has(alert.id))
        alertTimes.set(alert.id, {
          at: Number(message.timestamp),
          evidence: alert.evidence.event_ids,
          type: alert.rule.type,
        });
      return Promise.resolve();
    },
  });
  const searchable = new Map<string, number>();
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const result = await elastic
        .search({
          index: `${pipeline.indexPrefix}-alerts-*`,
          size: 10_000,
          _source: false,
          ignore_unavailable: true,
        })
        .catch(() => undefined);
      const now = Date.now();
      for (const hit of result?.hits.hits ?? [])
        if (hit._id !== undefined && !searchable.has(hit._id)) searchable.set(hit._id, now);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();

  // Event time = wall time: lines are produced when their time comes. Ten more seconds of traffic
  // after the measured window keep the watermark moving for the window's last alerts.
  const start = Date.now() + 2_000;
  // Attack scenarios add lines on top of the background rate: cut by event time, not by a line
  // count, or the traffic ends early and the window's last alerts wait for the idle timeout.
  const end = start + (seconds + 10) * 1_000;
  const lines: { ms: number; line: string }[] = [];
  for (const generated of generateMixedLog({
    lines: rate * (seconds + 10) * 2,
    seed: 5,
    startMs: start,
    gapMs: 1_000 / rate,
    attackShare: 0.2,
    ...(subsecond ? { webFormat: 'json' as const } : {}),
  })) {
    if (generated.ms > end) break;
    // CloudTrail writes whole seconds (and arrives minutes late in practice): not a sub-second source.
    if (subsecond && generated.stream === 'admin') continue;
    lines.push(generated);
  }
  const parser = createLineParser({});
  const producedAt = new Map<string, number>();
  const idsOf = lines.map(({ line }) => {
    const outcome = parser.parse(line);
    return outcome.ok ? outcome.events.map((event) => event.event.id) : [];
  });
  let next = 0;
  while (next < lines.length) {
    const now = Date.now();
    let end = next;
    while (end < lines.length && (lines[end]?.ms ?? Infinity) <= now) end++;
    if (end > next) {
      await produceLines(
        kafka,
        pipeline.rawTopic,
        lines.slice(next, end).map((l) => l.line),
      );
      const sent = Date.now();
      for (let i = next; i < end; i++) for (const id of idsOf[i] ?? []) producedAt.set(id, sent);
      next = end;
    } else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const windowEnd = start + seconds * 1_000;
  await new Promise((resolve) => setTimeout(resolve, 15_000));
  polling = false;
  await poller;
  await consumer.disconnect();

  const toAlerts: number[] = [];
  const toSearch: number[] = [];
  // Stateless signatures alert in stage 1; everything else waits for the watermark in stage 2.
  const signatureToAlerts: number[] = [];
  const windowedToAlerts: number[] = [];
  const alertToSearch: number[] = [];
  const slowest: { id: string; type: string; ms: number; evidence: number; atS: number }[] = [];
  for (const [id, { at, evidence, type }] of alertTimes) {
    if (type === 'absence') continue;
    const times = evidence.map((eventId) => producedAt.get(eventId));
    if (times.some((t) => t === undefined)) continue;
    const trigger = Math.max(...(times as number[]));
    if (trigger > windowEnd) continue;
    toAlerts.push(at - trigger);
    slowest.push({
      id,
      type,
      ms: at - trigger,
      evidence: evidence.length,
      atS: Math.round((at - start) / 100) / 10,
    });
    (type === 'signature' ? signatureToAlerts : windowedToAlerts).push(at - trigger);
    const seen = searchable.get(id);
    if (seen !== undefined) {
      toSearch.push(seen - trigger);
      alertToSearch.push(seen - at);
    }
  }
  if (process.env.BENCH_SLOWEST !== undefined)
    process.stderr.write(`${JSON.stringify(slowest.sort((a, b) => b.ms - a.ms).slice(0, 8))}\n`);
  toAlerts.sort((a, b) => a - b);
  toSearch.sort((a, b) => a - b);
  signatureToAlerts.sort((a, b) => a - b);
  windowedToAlerts.sort((a, b) => a - b);
  alertToSearch.sort((a, b) => a - b);
  const late = await metric(pipeline.correlator, 'vigil_correlator_late_events_total');
  await pipeline.stop();
  await deleteTestIndices(elastic, pipeline.indexPrefix);
  return {
    lines_per_s: rate,
    seconds,
    lateness_ms: Number(latenessMs),
    subsecond_sources_only: subsecond ? 1 : 0,
    alerts_measured: toAlerts.length,
    to_alerts_p50_ms: percentile(toAlerts, 50),
    to_alerts_p99_ms: percentile(toAlerts, 99),
    signature_alerts: signatureToAlerts.length,
    signature_to_alerts_p50_ms: percentile(signatureToAlerts, 50),
    signature_to_alerts_p99_ms: percentile(signatureToAlerts, 99),
    windowed_alerts: windowedToAlerts.length,
    windowed_to_alerts_p50_ms: percentile(windowedToAlerts, 50),
    windowed_to_alerts_p99_ms: percentile(windowedToAlerts, 99),
    late_events: late,
    to_searchable_p50_ms: percentile(toSearch, 50),
    to_searchable_p99_ms: percentile(toSearch, 99),
    alert_to_searchable_p50_ms: percentile(alertToSearch, 50),
    alert_to_searchable_p99_ms: percentile(alertToSearch, 99),
    alerts_not_searchable: toAlerts.length - toSearch.length,
  };
}

async function main(): Promise<void> {
  const parts = new Set((process.env.BENCH_PARTS ?? 'correlator,throughput,latency').split(','));
  const c = parts.has('correlator') ? await correlatorAlone() : {};
  const t = parts.has('throughput') ? await throughput() : {};
  const l = parts.has('latency') ? await latency() : {};
  const result = { bench: 'pipeline.int', date: new Date().toISOString(), ...c, ...t, ...l };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.stdout.write(
    [
      '',
      '| measure | value |',
      '|---|---|',
      ...Object.entries(result).map(([key, value]) => `| ${key} | ${value} |`),
      '',
    ].join('\n'),
  );
  await elastic.close();
  process.exit(0);
}

await main();
