export { createCorrelator, type Correlator, type CorrelatorDeps } from './correlator/create-correlator.js';
export { loadCorrelatorConfig } from './config/load-correlator-config.js';
export { correlatorEnvSchema, type CorrelatorEnv } from './config/correlator-env.schema.js';
export type { CorrelatorConfig } from './config/correlator-config.js';
export { computeFamilies, CONSTANT_FAMILY } from './families/compute-families.js';
export type { EventRule, FamilyEntry, RuleFamily, RuleTopology } from './families/rule-family.js';
export { EventRouter, type RouteResult, type RoutedCopy } from './routing/event-router.js';
export { routingKey } from './routing/routing-key.js';
export {
  decodeRepartitionRecord,
  eventCopyMessage,
  markerMessage,
  REPARTITION_HEADERS,
  type RepartitionRecord,
} from './routing/repartition-record.js';
export { PartitionState, emptyOutput, type PartitionOutput } from './partition/partition-state.js';
export { PARTITION_SNAPSHOT_FORMAT, type PartitionSnapshot } from './partition/partition-snapshot.js';
export { encodeCheckpoint, decodeCheckpoint, CHECKPOINT_VERSION } from './checkpoint/checkpoint-codec.js';
export { UpstreamWatermarks } from './watermark/upstream-watermarks.js';
export { UpstreamProgress } from './watermark/upstream-progress.js';
export { watermarkMarkerSchema, type WatermarkMarker } from './watermark/watermark-marker.schema.js';
export { CorrelatorMetrics } from './metrics/correlator-metrics.js';
