import type { KafkaConfig, ConsumerTuning } from '@vigil/kafka';
import type { RedisConfig } from '@vigil/redis';

/** The resolved correlator configuration (`loadCorrelatorConfig` builds it from the environment). */
export interface CorrelatorConfig {
  readonly kafka: KafkaConfig;
  readonly redis: RedisConfig;
  /** Stage 1 joins `<group>.router` on the events topic, stage 2 `<group>.state` on the repartition topic. */
  readonly groupId: string;
  /** `false` runs without the health/metrics server. */
  readonly http: { readonly host: string; readonly port: number } | false;
  readonly topics: {
    readonly events: string;
    readonly alerts: string;
    readonly late: string;
    readonly deadLetter: string;
    readonly repartition: string;
  };
  readonly repartition: { readonly partitions: number; readonly retentionMs: number };
  /** Create missing topics at start; `false` leaves topic management to the operator. */
  readonly ensureTopics: { readonly partitions: number; readonly replicationFactor: number } | false;
  readonly rules: {
    /** Empty: the starter pack. */
    readonly paths: readonly string[];
    /** Undefined: `<folder>/lists` of each rules folder. */
    readonly lists?: readonly string[];
    readonly watch: boolean;
    /** Where relative paths start. */
    readonly cwd: string;
  };
  readonly time: {
    readonly latenessMs: number;
    readonly idleAfterMs: number;
    readonly markerIntervalMs: number;
  };
  readonly checkpoint: { readonly intervalMs: number; readonly records: number; readonly ttlMs: number };
  readonly engine: {
    readonly maxKeys: number;
    readonly maxEvidence: number;
    /** new_terms learning start (epoch ms), the same in every partition; unset: each partition's first match. */
    readonly newTermsLearnFromMs?: number;
  };
  readonly consumer: ConsumerTuning & {
    /** Where a new stage-1 group starts on the events topic (stage 2 always starts from its checkpoints). */
    readonly fromBeginning: boolean;
  };
  readonly producer: {
    readonly compression: 'gzip' | 'none';
    readonly lingerMs: number;
    readonly deliveryTimeoutMs: number;
  };
  readonly shutdownTimeoutMs: number;
  readonly logLevel: string;
}
