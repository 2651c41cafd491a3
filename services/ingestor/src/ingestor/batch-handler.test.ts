import { VigilError } from '@vigil/core';
import type { BatchContext, ConsumedBatch, TopicBatch } from '@vigil/kafka';
import { testLogger } from '@vigil/kafka/testing';
import { waitFor } from '@vigil/testing';
import { describe, expect, it } from 'vitest';
import { loadIngestorConfig } from '../config/load-ingestor-config.js';
import { IngestorMetrics } from '../metrics/ingestor-metrics.js';
import { StreamParsers } from '../pipeline/stream-parsers.js';
import { createBatchHandler, SLICE_MESSAGES } from './batch-handler.js';
import type { EventSink } from './event-sink.js';

const config = loadIngestorConfig({});
const LINE = 'Nov 27 08:00:01 web-01 sshd[123]: Failed password for root from 1.2.3.4 port 22 ssh2';

function batch(count: number): ConsumedBatch {
  const messages = Array.from({ length: count }, (_, i) => ({
    offset: String(i),
    key: null,
    value: Buffer.from(i % 100 === 99 ? 'garbage' : LINE),
    timestamp: String(Date.UTC(2026, 10, 27, 9)),
  }));
  return {
    topic: 'vigil.raw.host',
    partition: 0,
    messages,
    firstOffset: '0',
    lastOffset: String(count - 1),
    highWatermark: String(count + 10),
  };
}

const context = (): BatchContext => ({ signal: new AbortController().signal, pause: () => () => undefined });

/** Records every send and acknowledges it only when the test says so. */
function recordingSink(fail: (call: number) => Error | undefined = () => undefined) {
  const sent: TopicBatch[][] = [];
  const pending: (() => void)[] = [];
  const sink: EventSink = {
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    sendMany: (batches) => {
      sent.push([...batches]);
      const error = fail(sent.length);
      if (error !== undefined) return Promise.reject(error);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
  };
  return { sink, sent, ackAll: () => pending.splice(0).forEach((ack) => ack()) };
}

function handlerWith(sink: EventSink, metrics = new IngestorMetrics({ defaultMetrics: false })) {
  const parsers = new StreamParsers(config.parser);
  return createBatchHandler({ config, sink, parsers, metrics, logger: testLogger('handler') });
}

describe('createBatchHandler', () => {
  it('parses a large batch in slices, sends each as it is ready, and resolves only when all are acknowledged', async () => {
    const { sink, sent, ackAll } = recordingSink();
    const metrics = new IngestorMetrics({ defaultMetrics: false });
    const count = SLICE_MESSAGES * 2 + 500;
    let resolved = false;
    const done = handlerWith(sink, metrics)(batch(count), context()).then(() => {
      resolved = true;
    });
    await waitFor(() => sent.length === 3, { timeoutMs: 10_000, description: 'three slices sent' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
    ackAll();
    await done;
    const events = sent.flatMap((b) =>
      b.filter((t) => t.topic === 'vigil.events').flatMap((t) => t.messages),
    );
    const letters = sent.flatMap((b) =>
      b.filter((t) => t.topic === 'vigil.deadletter').flatMap((t) => t.messages),
    );
    expect(events.length + letters.length).toBe(count);
    expect(letters).toHaveLength(Math.floor(count / 100));
    const text = await metrics.exposition();
    expect(text).toContain(`vigil_ingestor_lines_in_total{topic="vigil.raw.host"} ${count}`);
    expect(text).toContain('vigil_ingestor_consumer_lag{topic="vigil.raw.host",partition="0"} 10');
    expect(text).toContain('vigil_ingestor_batch_duration_seconds_count 1');
  });

  it('retries a retriable failure with the same records and fails the batch on a permanent one', async () => {
    const retriable = new VigilError('leader moved', {
      code: 'KAFKA_NOT_LEADER_OR_FOLLOWER',
      retriable: true,
    });
    const flaky = recordingSink((call) => (call === 1 ? retriable : undefined));
    const running = handlerWith(flaky.sink)(batch(10), context());
    await waitFor(() => flaky.sent.length === 2, { timeoutMs: 10_000, description: 'the retry' });
    expect(flaky.sent[1]).toEqual(flaky.sent[0]);
    flaky.ackAll();
    await running;

    const permanent = new VigilError('too large', { code: 'KAFKA_MESSAGE_TOO_LARGE', retriable: false });
    const broken = recordingSink(() => permanent);
    await expect(handlerWith(broken.sink)(batch(10), context())).rejects.toBe(permanent);
    expect(broken.sent).toHaveLength(1);
  });
});
