import type { KafkaConfig, ConsumerTuning } from '@vigil/kafka';
import type { RedisConfig } from '@vigil/redis';
import type { DatasetHint } from '@vigil/parsers';

/** Which raw topic a line came from; it steers format detection (see the README). */
export type RawRole = 'host' | 'network' | 'admin';

export const RAW_ROLES: readonly RawRole[] = ['host', 'network', 'admin'];

/** Options of the per-partition line parsers. */
export interface ParserSettings {
  readonly timezone: string;
  readonly year?: number;
  readonly maxLineBytes: number;
  readonly webFlavor?: DatasetHint;
}

/** The resolved ingestor configuration (`loadIngestorConfig` builds it from the environment). */
export interface IngestorConfig {
  readonly kafka: KafkaConfig;
  readonly groupId: string;
  /** `false` runs without the health/metrics server (tests that do not need it). */
  readonly http: { readonly host: string; readonly port: number } | false;
  readonly topics: {
    readonly raw: Readonly<Record<RawRole, string>>;
    readonly events: string;
    readonly deadLetter: string;
  };
  /** Create missing topics at start; `false` leaves topic management to the operator. */
  readonly ensureTopics: { readonly partitions: number; readonly replicationFactor: number } | false;
  readonly consumer: ConsumerTuning & { readonly fromBeginning: boolean };
  readonly producer: {
    readonly compression: 'gzip' | 'none';
    readonly lingerMs: number;
    readonly maxBatchMessages: number;
    readonly maxBatchBytes: number;
    readonly deliveryTimeoutMs: number;
  };
  readonly parser: ParserSettings;
  /** Where stream headers are kept across restarts and rebalances (`VIGIL_INGESTOR_STREAM_STATE`). */
  readonly streamState: { readonly kind: 'none' } | { readonly kind: 'redis'; readonly redis: RedisConfig };
  /** Dead letters keep at most this many bytes of the original message (Kafka caps message size). */
  readonly deadLetterMaxBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
}
