export { entityOf, FALLBACK_ENTITY_FIELD, type Entity } from './entity/entity-of.js';
export { incidentId } from './entity/incident-id.js';
export {
  groupingConfigSchema,
  DEFAULT_ENTITY_FIELDS,
  type GroupingConfig,
  type GroupingConfigInput,
} from './grouping/grouping-config.schema.js';
export { groupAlert, type GroupingOutcome } from './grouping/group-alert.js';
export { openIncident } from './lifecycle/open-incident.js';
export { reduceIncident, type ReduceLimits } from './lifecycle/reduce-incident.js';
export {
  incidentCommandSchema,
  type IncidentAction,
  type IncidentCommand,
  type SystemAction,
} from './lifecycle/incident-action.schema.js';
export type { IncidentError, IncidentErrorCode, IncidentResult } from './lifecycle/incident-result.js';
export { effectiveLevel, effectiveSeverity, levelForSeverity, maxLevel } from './severity/severity.js';
export { attackTags, mitreTechniques, mergeTags } from './tags/attack-tags.js';
