export type * from './model/compiled-rule.js';
export type { EngineOutput, EngineStats, OperatorStats } from './model/engine-output.js';
export {
  DEFAULT_OPERATOR_OPTIONS,
  type Match,
  type Tick,
  type OperatorInput,
  type OperatorOptions,
  type OperatorSnapshot,
  type RuleOperator,
  type AlertSink,
} from './model/match.js';
export { createEngine, type Engine } from './engine/create-engine.js';
export { defaultSourceOf, type EngineOptions } from './engine/engine-options.js';
export { SNAPSHOT_FORMAT, type EngineSnapshot, type SnapshotOptions } from './engine/engine-snapshot.js';
export { processEvents, type ProcessOptions, type EngineCore } from './engine/process-events.js';
export { buildPlan, type RuleProblem, type RulePlan } from './engine/rule-plan.js';
export { createOperator } from './engine/create-operator.js';
export { signature, createSignature } from './operators/signature.operator.js';
export { eventCount, createEventCount } from './operators/event-count.operator.js';
export { valueCount, createValueCount } from './operators/value-count.operator.js';
export { temporal, createTemporal } from './operators/temporal.operator.js';
export { absence, createAbsence } from './operators/absence.operator.js';
export { newTerms, createNewTerms } from './operators/new-terms.operator.js';
export { groupKey, decodeGroupKey } from './state/group-key.js';
export { WatermarkTracker, type WatermarkOptions } from './time/watermark-tracker.js';
export { parseTimestamp } from './time/parse-timestamp.js';
