export { eventSchema, EVENT_SCHEMA_VERSION, OUTCOMES, EVENT_KINDS, type VigilEvent } from './event.schema.js';
export {
  alertSchema,
  RULE_LEVELS,
  RULE_TYPES,
  LEVEL_SEVERITY,
  type Alert,
  type AlertInput,
  type RuleLevel,
  type RuleType,
} from './alert.schema.js';
export {
  incidentSchema,
  timelineEntrySchema,
  INCIDENT_STATES,
  type Incident,
  type IncidentState,
  type TimelineEntry,
} from './incident.schema.js';
export { deadLetterSchema, type DeadLetter } from './dead-letter.schema.js';
export { TOPICS, type TopicName } from './topics.js';
