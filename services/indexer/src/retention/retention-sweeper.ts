import type { Logger } from '@vigil/core';
import { deleteExpiredIndices, type Client, type RetentionDays } from '@vigil/elastic';
import type { IndexerMetrics } from '../metrics/indexer-metrics.js';

/**
 * Retention without ILM (the minimal Elasticsearch builds have none): every `intervalMs` deletes
 * the daily indices whose newest possible document is older than its family's retention. Deleting
 * a whole index is cheap, and documents go to the index of their own `@timestamp`, so a day's index
 * only ever holds that day. A failed sweep is retried at the next interval.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly client: Client,
    private readonly options: { indexPrefix: string; retentionDays: RetentionDays; intervalMs: number },
    private readonly logger: Logger,
    private readonly metrics: IndexerMetrics,
  ) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  sweep(now: Date = new Date()): Promise<void> {
    this.running ??= deleteExpiredIndices(this.client, {
      indexPrefix: this.options.indexPrefix,
      retentionDays: this.options.retentionDays,
      now,
    })
      .then(({ deleted }) => {
        this.metrics.retentionDeleted.inc(deleted.length);
        if (deleted.length > 0) this.logger.info({ deleted }, 'deleted daily indices past their retention');
      })
      .catch((error: unknown) => {
        this.metrics.retentionFailures.inc();
        this.logger.warn({ err: error }, 'retention sweep failed; trying again at the next interval');
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
