/** Kafka topic names, one place. */
export const TOPICS = {
  rawHost: 'vigil.raw.host',
  rawNetwork: 'vigil.raw.network',
  rawAdmin: 'vigil.raw.admin',
  events: 'vigil.events',
  alerts: 'vigil.alerts',
  incidents: 'vigil.incidents',
  deadLetter: 'vigil.deadletter',
  late: 'vigil.late',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];
