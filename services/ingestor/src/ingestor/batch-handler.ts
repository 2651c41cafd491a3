/**
 * The consumer's batch handler: a partition batch is parsed in slices, each slice's records are sent
 * as soon as they are ready (so producing overlaps parsing), and the handler resolves — letting the
 * consumer commit — only when every slice is acknowledged.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { isRetriable, retry, type Logger } from '@vigil/core';
import type { BatchHandler, TopicBatch } from '@vigil/kafka';
import type { IngestorConfig, RawRole } from '../config/ingestor-config.js';
import type { IngestorMetrics } from '../metrics/ingestor-metrics.js';
import { emptyStats, mergeStats } from '../pipeline/batch-stats.js';
import { processBatch } from '../pipeline/process-batch.js';
import type { StreamParsers } from '../pipeline/stream-parsers.js';
import type { EventSink } from './event-sink.js';

/**
 * Messages parsed between two turns of the event loop. A 1 MB gzip fetch holds ~25k lines, seconds of
 * CPU on a busy machine: without yielding, heartbeats, health probes and produce acknowledgements
 * would wait that long (a missed session timeout costs a rebalance and a re-read of the batch).
 */
export const SLICE_MESSAGES = 2_000;

const PRODUCE_RETRY = { retries: Number.MAX_SAFE_INTEGER, initialDelayMs: 200, maxDelayMs: 30_000 } as const;

export interface BatchHandlerDeps {
  readonly config: IngestorConfig;
  readonly sink: EventSink;
  readonly parsers: StreamParsers;
  readonly metrics: IngestorMetrics;
  readonly logger: Logger;
}

export function createBatchHandler({
  config,
  sink,
  parsers,
  metrics,
  logger,
}: BatchHandlerDeps): BatchHandler {
  const roleOf = new Map<string, RawRole>(
    (Object.entries(config.topics.raw) as [RawRole, string][]).map(([role, topic]) => [topic, role]),
  );
  const options = { deadLetterMaxBytes: config.deadLetterMaxBytes };

  return async (batch, context) => {
    const started = performance.now();
    const role = roleOf.get(batch.topic) ?? 'host';
    const stream = await parsers.open(batch.topic, batch.partition);
    const stats = emptyStats();
    const sends: Promise<void>[] = [];
    const send = (out: TopicBatch[]): Promise<void> =>
      // Retried here rather than by the consumer, so a retry re-sends the very same records (the
      // stream parser's state has moved on). Aborted on stop or rebalance: the batch stays uncommitted.
      retry(() => sink.sendMany(out), {
        ...PRODUCE_RETRY,
        signal: context.signal,
        shouldRetry: (error) => isRetriable(error),
        onRetry: (error, attempt, delayMs) => {
          metrics.produceRetry((error as { code?: string }).code ?? 'unknown');
          const where = { topic: batch.topic, partition: batch.partition };
          logger.warn({ err: error, attempt, delayMs, ...where }, 'produce failed; retrying');
        },
      });

    for (let from = 0; from < batch.messages.length; from += SLICE_MESSAGES) {
      // Even when the signal says stop, the batch is finished: a graceful stop commits it.
      if (from > 0) await yieldToEventLoop();
      const messages = batch.messages.slice(from, from + SLICE_MESSAGES);
      const part = processBatch(
        { topic: batch.topic, partition: batch.partition, role, messages },
        stream.parser,
        options,
        stream.trail,
      );
      mergeStats(stats, part.stats);
      const out: TopicBatch[] = [];
      if (part.events.length > 0) out.push({ topic: config.topics.events, messages: part.events });
      if (part.deadLetters.length > 0)
        out.push({ topic: config.topics.deadLetter, messages: part.deadLetters });
      const sent = send(out);
      // Observed now so a failure is never "unhandled" while later slices are parsed; awaited below.
      sent.catch(() => undefined);
      sends.push(sent);
    }
    await Promise.all(sends);
    // Before the commit: a member that gets this partition next starts after this batch's headers.
    await parsers.keep(batch.topic, batch.partition, stream);
    const lag = Number(BigInt(batch.highWatermark) - BigInt(batch.lastOffset) - 1n);
    const seconds = (performance.now() - started) / 1000;
    metrics.recordBatch(batch.topic, batch.partition, stats, seconds, Math.max(0, lag));
  };
}
