import type { Client } from '@elastic/elasticsearch';
import { createLogger, retry, type Logger, type RetryOptions } from '@vigil/core';
import { ElasticUnavailableError } from '../error/elastic-error.js';
import { toElasticError } from '../error/to-elastic-error.js';
import type { BulkDocument, BulkReport, BulkRejection, DocOutcome } from './bulk-types.js';
import { classifyBulkItem } from './classify-bulk-item.js';

export interface BulkIndexerOptions {
  readonly logger?: Logger;
  /**
   * Longest a document waits for others before its request goes. Short on purpose: the client's
   * `helpers.bulk` waits 30 s by default, which would dominate alerting latency.
   */
  readonly flushIntervalMs?: number;
  readonly maxDocs?: number;
  /** Bytes of NDJSON per request. */
  readonly maxBytes?: number;
  /** Backoff for 429/5xx/unreachable; when it runs out, the documents' promises reject with a retriable error. */
  readonly retry?: RetryOptions;
  /** Bulk requests in flight at once; more than one lets Elasticsearch use several write threads. */
  readonly concurrency?: number;
  /** `wait_for` makes writes visible to search before they resolve (tests, the incident UI). */
  readonly refresh?: boolean | 'wait_for';
}

interface Entry {
  readonly doc: BulkDocument;
  readonly lines: readonly [string, string];
  readonly bytes: number;
  readonly resolve: (outcome: DocOutcome) => void;
  readonly reject: (error: unknown) => void;
}

const DEFAULT_RETRY: RetryOptions = { retries: 10, initialDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Bulk writes with per-document results as data. Documents from any number of callers are gathered
 * into requests of up to `maxDocs`/`maxBytes`, sent at most `flushIntervalMs` after the first one
 * arrived, with at most `concurrency` requests in flight (the next ones fill up meanwhile). Overload (429), server errors and an
 * unreachable cluster are retried with backoff; items Elasticsearch refuses for good (mapping
 * conflicts) are reported as rejections, never retried. Nothing is dropped silently: every document
 * ends indexed, duplicate, rejected, or its promise rejects with a retriable ElasticUnavailableError.
 */
export class BulkIndexer {
  private readonly queue: Entry[] = [];
  private readonly logger: Logger;
  private readonly flushIntervalMs: number;
  private readonly maxDocs: number;
  private readonly maxBytes: number;
  private readonly retryOptions: RetryOptions;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly concurrency: number;
  private pending = 0;
  private queuedBytes = 0;

  constructor(
    private readonly client: Client,
    private readonly options: BulkIndexerOptions = {},
  ) {
    this.logger = options.logger ?? createLogger({ name: 'es-bulk' });
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.maxDocs = options.maxDocs ?? 2_000;
    this.maxBytes = options.maxBytes ?? 5_000_000;
    this.retryOptions = { ...DEFAULT_RETRY, ...options.retry };
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /** Documents accepted and not settled yet. */
  get pendingDocs(): number {
    return this.pending;
  }

  /** Writes one document; resolves with its outcome once its request is done. */
  add<T>(doc: BulkDocument<T>): Promise<DocOutcome> {
    let lines: [string, string];
    try {
      const op = doc.op ?? 'create';
      const action = { [op]: { _index: doc.index, ...(doc.id === undefined ? {} : { _id: doc.id }) } };
      lines = [JSON.stringify(action), JSON.stringify(doc.document)];
    } catch (error) {
      const reason = `not serializable: ${error instanceof Error ? error.message : String(error)}`;
      return Promise.resolve({ kind: 'rejected', reason, status: 0 });
    }
    return new Promise<DocOutcome>((resolve, reject) => {
      const bytes = Buffer.byteLength(lines[0]) + Buffer.byteLength(lines[1]) + 2;
      this.queue.push({ doc, lines, bytes, resolve, reject });
      this.queuedBytes += bytes;
      this.pending++;
      this.schedule();
    });
  }

  /**
   * Writes many documents and reports on all of them. Rejects (retriable) only when Elasticsearch
   * stayed unavailable through all retries; some documents may then be written already, which
   * idempotent ids make harmless on the next attempt.
   */
  async index<T>(docs: readonly BulkDocument<T>[]): Promise<BulkReport<T>> {
    const outcomes = await Promise.allSettled(docs.map((doc) => this.add(doc)));
    let indexed = 0;
    let duplicates = 0;
    const rejected: BulkRejection<T>[] = [];
    let failure: Error | undefined;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected') {
        failure ??= outcome.reason as Error;
        return;
      }
      const doc = docs[i];
      if (doc === undefined) return;
      const value = outcome.value;
      if (value.kind === 'indexed') indexed++;
      else if (value.kind === 'duplicate') duplicates++;
      else
        rejected.push({
          doc,
          reason: value.reason,
          status: value.status,
          ...(value.type === undefined ? {} : { type: value.type }),
        });
    });
    if (failure !== undefined) throw failure;
    return { indexed, duplicates, rejected };
  }

  /** Sends what is queued now and waits until everything accepted so far is settled. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      this.drain();
      await Promise.race(this.inFlight);
    }
  }

  /** Flushes and stops the timer. */
  async close(): Promise<void> {
    await this.flush();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.queueIsFull()) {
      this.drain();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, this.flushIntervalMs);
  }

  private queueIsFull(): boolean {
    return this.queue.length >= this.maxDocs || this.queuedBytes >= this.maxBytes;
  }

  private drain(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.inFlight.size < this.concurrency && this.queue.length > 0) {
      const request: Promise<void> = this.send(this.take()).finally(() => {
        this.inFlight.delete(request);
        // Documents that arrived during the request have waited long enough.
        this.drain();
      });
      this.inFlight.add(request);
    }
  }

  private take(): Entry[] {
    let count = 0;
    let bytes = 0;
    for (const entry of this.queue) {
      if (count >= this.maxDocs || (count > 0 && bytes + entry.bytes > this.maxBytes)) break;
      count++;
      bytes += entry.bytes;
    }
    // One splice per request: shift() per document is quadratic on a long queue (Elasticsearch down).
    this.queuedBytes -= bytes;
    return this.queue.splice(0, count);
  }

  private async send(batch: Entry[]): Promise<void> {
    let remaining = batch;
    const settle = (entry: Entry, outcome: DocOutcome): void => {
      this.pending--;
      entry.resolve(outcome);
    };
    try {
      await retry(
        async () => {
          let items;
          try {
            const response = await this.client.bulk(
              {
                operations: remaining.flatMap((entry) => entry.lines),
                ...(this.options.refresh === undefined ? {} : { refresh: this.options.refresh }),
              },
              { maxRetries: 0 },
            );
            items = response.items;
          } catch (error) {
            throw toElasticError(error, 'bulk request');
          }
          const again: Entry[] = [];
          let lastReason = '';
          remaining.forEach((entry, i) => {
            const item = items[i];
            const op = entry.doc.op ?? 'create';
            const outcome = classifyBulkItem(op, item?.[op]);
            if (outcome.kind === 'retry') {
              again.push(entry);
              lastReason = outcome.reason;
            } else {
              settle(entry, outcome);
            }
          });
          remaining = again;
          if (again.length > 0) {
            throw new ElasticUnavailableError(`${again.length} documents not written yet: ${lastReason}`, {
              code: 'ES_BULK_ITEMS_RETRY',
              retriable: true,
            });
          }
        },
        {
          ...this.retryOptions,
          onRetry: (error, attempt, delayMs) =>
            this.logger.warn(
              { err: error, attempt, delayMs, docs: remaining.length },
              'bulk write failed; retrying',
            ),
        },
      );
    } catch (error) {
      const mapped = toElasticError(error, 'bulk indexing');
      for (const entry of remaining) {
        this.pending--;
        entry.reject(mapped);
      }
    }
  }
}

export function createBulkIndexer(client: Client, options: BulkIndexerOptions = {}): BulkIndexer {
  return new BulkIndexer(client, options);
}
