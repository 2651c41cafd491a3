/**
 * What routing sees of an incident: each label has one or more values (an incident can carry
 * several rules, tags and datasets). Matchers and group_by work on these names only.
 */
export type Labels = Readonly<Record<string, readonly string[]>>;

export const LABEL_NAMES = [
  /** Sigma level of the incident (the override's band when overridden). */
  'level',
  /** 0..100, as a decimal string. */
  'severity',
  'state',
  'rule_id',
  /** Rule tags, e.g. `attack.t1110`. */
  'tag',
  /** `event.dataset` of the alerts, e.g. `system.auth`. */
  'dataset',
  /** The incident's entity value and the field it came from. */
  'entity',
  'entity_field',
  /** Host name from the alert group (`host.hostname`/`host.name`) or a host entity. */
  'host',
  /** Names of the configured host groups the host belongs to. */
  'host_group',
  /** The incident id: `group_by: [incident]` gives one notification group per incident. */
  'incident',
] as const;

export type LabelName = (typeof LABEL_NAMES)[number];

const KNOWN = new Set<string>(LABEL_NAMES);

export function isLabelName(name: string): name is LabelName {
  return KNOWN.has(name);
}

/** A label's values; a missing label reads as one empty value, as in Alertmanager. */
export function labelValues(labels: Labels, name: string): readonly string[] {
  const values = labels[name];
  return values === undefined || values.length === 0 ? [''] : values;
}
