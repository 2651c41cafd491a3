import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface IndexerMetricsOptions {
  /** Process metrics (CPU, memory, event-loop lag); off in tests that build several indexers. */
  readonly defaultMetrics?: boolean;
}

/** The indexer's Prometheus metrics on their own registry (served at `/metrics`). */
export class IndexerMetrics {
  readonly registry = new Registry();
  /** Documents written, by family (`events`, `alerts`) and outcome (`indexed`, `duplicate`). */
  readonly documents: Counter<'family' | 'outcome'>;
  readonly deadLetters: Counter<'family' | 'code'>;
  /** Batches handed back to the consumer because Elasticsearch stayed unavailable (not committed). */
  readonly unavailable: Counter;
  readonly batchSeconds: Histogram<'family'>;
  readonly elasticUp: Gauge;
  readonly retentionDeleted: Counter;
  readonly retentionFailures: Counter;

  constructor(options: IndexerMetricsOptions = {}) {
    const registers = [this.registry];
    this.documents = new Counter({
      name: 'vigil_indexer_documents_total',
      help: 'Documents written to Elasticsearch, by family and outcome (duplicate: the id was there already)',
      labelNames: ['family', 'outcome'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'vigil_indexer_dead_letters_total',
      help: 'Documents Elasticsearch refused for good (or that were not documents), sent to the dead-letter topic',
      labelNames: ['family', 'code'],
      registers,
    });
    this.unavailable = new Counter({
      name: 'vigil_indexer_unavailable_batches_total',
      help: 'Batches not written because Elasticsearch stayed unavailable through the retries (retried, not committed)',
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'vigil_indexer_batch_duration_seconds',
      help: 'From receiving a batch to all its documents settled, by family',
      labelNames: ['family'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.elasticUp = new Gauge({
      name: 'vigil_indexer_elasticsearch_up',
      help: '1 when the last cluster health check answered, 0 otherwise',
      registers,
    });
    this.retentionDeleted = new Counter({
      name: 'vigil_indexer_retention_deleted_indices_total',
      help: 'Daily indices deleted by the retention sweeper',
      registers,
    });
    this.retentionFailures = new Counter({
      name: 'vigil_indexer_retention_failures_total',
      help: 'Retention sweeps that failed (retried at the next interval)',
      registers,
    });
    if (options.defaultMetrics === true)
      collectDefaultMetrics({ register: this.registry, prefix: 'vigil_indexer_' });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  exposition(): Promise<string> {
    return this.registry.metrics();
  }
}
