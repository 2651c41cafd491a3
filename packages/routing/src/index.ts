export { parseDuration, formatDuration } from './duration/parse-duration.js';
export {
  parseMatcher,
  matchesAll,
  type Matcher,
  type MatchOperator,
  type MatcherResult,
} from './matcher/matcher.js';
export { LABEL_NAMES, isLabelName, labelValues, type LabelName, type Labels } from './labels/labels.js';
export { incidentLabels, alertHosts, mergeContext, type IncidentContext } from './labels/incident-labels.js';
export { compileHostGroups, type HostGroups } from './labels/host-groups.js';
export {
  routingConfigSchema,
  escalationPolicySchema,
  rotationSchema,
  receiverSchema,
  inhibitRuleSchema,
  timeIntervalSpecSchema,
  WEEKDAYS,
  type RoutingConfig,
  type RouteSpec,
  type EscalationPolicy,
  type Rotation,
  type ReceiverSpec,
  type InhibitRuleSpec,
  type TimeIntervalSpec,
} from './config/routing-config.schema.js';
export {
  loadRoutingConfig,
  loadRoutingFile,
  formatIssues,
  formatPath,
  type ConfigIssue,
  type LoadRoutingOptions,
  type LoadRoutingResult,
} from './config/load-routing-config.js';
export {
  compileRouting,
  ROUTE_DEFAULTS,
  type Router,
  type RouteMatch,
  type CompileResult,
} from './router/router.js';
export { inTimeInterval, localClock } from './time-interval/time-interval.js';
export { silenceSchema, type Silence, type SilenceInput } from './silence/silence.schema.js';
export { silencedBy, isActiveSilence, expireSilence } from './silence/silenced-by.js';
export { onCallAt, nextHandoff } from './escalation/rotation.js';
export {
  startEscalation,
  advanceEscalation,
  stopEscalation,
  type EscalationState,
  type EscalationStep,
  type EscalationStop,
  type Page,
  type PageTarget,
} from './escalation/escalation.js';
export {
  observeIncident,
  flushGroup,
  type NotificationGroup,
  type GroupMember,
  type GroupFlush,
} from './group/notification-group.js';
