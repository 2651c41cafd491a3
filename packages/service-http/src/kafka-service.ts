/**
 * What every Kafka-consuming Vigil service (ingestor, correlator, indexer) offers its `main.ts`,
 * its tests and `gracefulShutdown`: one lifecycle, so they start, stop and report alike.
 */
export interface KafkaService<Metrics> {
  /** Connects, serves health and metrics, starts consuming; resolves once running. */
  start(): Promise<void>;
  /** Graceful: finishes and commits the batch in flight, leaves the group, disconnects. Idempotent. */
  stop(): Promise<void>;
  /** Settles when consuming has ended: resolves after `stop()`, rejects after a fatal error. */
  readonly done: Promise<void>;
  readonly metrics: Metrics;
  /** What `/readyz` reports, as data. */
  health(): Record<string, unknown>;
  isReady(): boolean;
  /** The health/metrics port once started (useful with port 0). */
  readonly httpPort: number | undefined;
}
