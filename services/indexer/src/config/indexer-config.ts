import type { ElasticConfig } from '@vigil/elastic';
import type { KafkaConfig, ConsumerTuning } from '@vigil/kafka';

/** The resolved indexer configuration (`loadIndexerConfig` builds it from the environment). */
export interface IndexerConfig {
  readonly kafka: KafkaConfig;
  readonly elastic: ElasticConfig;
  readonly groupId: string;
  /** `false` runs without the health/metrics server. */
  readonly http: { readonly host: string; readonly port: number } | false;
  readonly topics: {
    /** Undefined when events are not indexed. */
    readonly events?: string;
    readonly alerts?: string;
    readonly deadLetter: string;
  };
  readonly bulk: {
    readonly flushIntervalMs: number;
    readonly maxDocs: number;
    readonly maxBytes: number;
    readonly concurrency: number;
  };
  /** Create the dead-letter topic when missing; `false` leaves topics to the operator. */
  readonly ensureTopics: { readonly partitions: number; readonly replicationFactor: number } | false;
  readonly consumer: ConsumerTuning;
  /** How alert writes become searchable: `true` refreshes at once, `false` waits for the index's refresh. */
  readonly alertsRefresh: boolean | 'wait_for';
  /** 0: no retention sweeps. */
  readonly retentionIntervalMs: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
}
