import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BatchStats } from '../pipeline/batch-stats.js';

export interface IngestorMetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag); off in tests that build several ingestors. */
  readonly defaultMetrics?: boolean;
}

/** The ingestor's Prometheus metrics on their own registry (served at `/metrics`). */
export class IngestorMetrics {
  readonly registry = new Registry();
  private readonly linesIn: Counter<'topic'>;
  private readonly linesWithoutEvents: Counter<'topic'>;
  private readonly truncated: Counter<'topic'>;
  private readonly eventsOut: Counter<'dataset'>;
  private readonly deadLetters: Counter<'code'>;
  private readonly batchSeconds: Histogram;
  private readonly batchLines: Histogram;
  private readonly lag: Gauge<'topic' | 'partition'>;
  private readonly produceRetries: Counter<'code'>;

  constructor(options: IngestorMetricsOptions = {}) {
    const registers = [this.registry];
    this.linesIn = new Counter({
      name: 'vigil_ingestor_lines_in_total',
      help: 'Raw messages consumed, by raw topic',
      labelNames: ['topic'],
      registers,
    });
    this.linesWithoutEvents = new Counter({
      name: 'vigil_ingestor_lines_without_events_total',
      help: 'Raw lines that configure the stream and give no event (Zeek header lines)',
      labelNames: ['topic'],
      registers,
    });
    this.truncated = new Counter({
      name: 'vigil_ingestor_lines_truncated_total',
      help: 'Raw lines longer than VIGIL_INGESTOR_MAX_LINE_BYTES that were cut and still gave events',
      labelNames: ['topic'],
      registers,
    });
    this.eventsOut = new Counter({
      name: 'vigil_ingestor_events_out_total',
      help: 'Events produced to the events topic (acknowledged), by event.dataset',
      labelNames: ['dataset'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'vigil_ingestor_dead_letters_total',
      help: 'Dead letters produced (acknowledged), by code',
      labelNames: ['code'],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'vigil_ingestor_batch_duration_seconds',
      help: 'From receiving a partition batch to its produce acknowledgement',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.batchLines = new Histogram({
      name: 'vigil_ingestor_batch_lines',
      help: 'Messages per partition batch',
      buckets: [1, 10, 100, 500, 1_000, 2_500, 5_000, 10_000, 25_000],
      registers,
    });
    this.lag = new Gauge({
      name: 'vigil_ingestor_consumer_lag',
      help: 'Messages behind the high watermark after the last handled batch, per raw partition',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.produceRetries = new Counter({
      name: 'vigil_ingestor_produce_retries_total',
      help: 'Produce attempts that failed with a retriable error and were retried, by error code',
      labelNames: ['code'],
      registers,
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts a batch whose records were acknowledged (nothing is counted for a batch that failed). */
  recordBatch(topic: string, partition: number, stats: BatchStats, seconds: number, lag: number): void {
    this.linesIn.inc({ topic }, stats.lines);
    if (stats.linesWithoutEvents > 0) this.linesWithoutEvents.inc({ topic }, stats.linesWithoutEvents);
    if (stats.truncated > 0) this.truncated.inc({ topic }, stats.truncated);
    for (const [dataset, count] of stats.eventsByDataset) this.eventsOut.inc({ dataset }, count);
    for (const [code, count] of stats.deadLettersByCode) this.deadLetters.inc({ code }, count);
    this.batchSeconds.observe(seconds);
    this.batchLines.observe(stats.lines);
    this.lag.set({ topic, partition: String(partition) }, lag);
  }

  produceRetry(code: string): void {
    this.produceRetries.inc({ code });
  }

  /** Partitions this member no longer owns stop reporting lag (their new owner reports it). */
  forgetPartitions(partitions: readonly { readonly topic: string; readonly partition: number }[]): void {
    for (const { topic, partition } of partitions) this.lag.remove({ topic, partition: String(partition) });
  }

  /** The Prometheus text exposition of every metric. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
