import { describe, expect, it } from 'vitest';
import { countInto, emptyStats } from '../pipeline/batch-stats.js';
import { IngestorMetrics } from './ingestor-metrics.js';

describe('IngestorMetrics', () => {
  it('exposes lines, events by dataset, dead letters by code, batch latency and lag per partition', async () => {
    const metrics = new IngestorMetrics({ defaultMetrics: false });
    const stats = emptyStats();
    stats.lines = 5;
    stats.events = 6;
    stats.linesWithoutEvents = 1;
    countInto(stats.eventsByDataset, 'system.auth', 6);
    countInto(stats.deadLettersByCode, 'not_a_log_line');
    metrics.recordBatch('vigil.raw.host', 3, stats, 0.02, 17);
    metrics.recordBatch('vigil.raw.host', 3, stats, 0.2, 4);
    metrics.produceRetry('KAFKA_CONNECTION');
    const text = await metrics.exposition();
    expect(text).toContain('vigil_ingestor_lines_in_total{topic="vigil.raw.host"} 10');
    expect(text).toContain('vigil_ingestor_lines_without_events_total{topic="vigil.raw.host"} 2');
    expect(text).toContain('vigil_ingestor_events_out_total{dataset="system.auth"} 12');
    expect(text).toContain('vigil_ingestor_dead_letters_total{code="not_a_log_line"} 2');
    expect(text).toContain('vigil_ingestor_batch_duration_seconds_bucket{le="0.025"} 1');
    expect(text).toContain('vigil_ingestor_batch_duration_seconds_count 2');
    expect(text).toContain('vigil_ingestor_consumer_lag{topic="vigil.raw.host",partition="3"} 4');
    expect(text).toContain('vigil_ingestor_produce_retries_total{code="KAFKA_CONNECTION"} 1');
    expect(metrics.contentType).toContain('text/plain');
  });

  it('stops reporting lag for partitions it no longer owns', async () => {
    const metrics = new IngestorMetrics({ defaultMetrics: false });
    metrics.recordBatch('t', 0, emptyStats(), 0.01, 3);
    metrics.recordBatch('t', 1, emptyStats(), 0.01, 5);
    metrics.forgetPartitions([{ topic: 't', partition: 0 }]);
    const text = await metrics.exposition();
    expect(text).not.toContain('partition="0"');
    expect(text).toContain('vigil_ingestor_consumer_lag{topic="t",partition="1"} 5');
  });
});
