import type { Alert } from '@vigil/schema';

export interface Entity {
  readonly field: string;
  readonly value: string;
}

/** Used when none of the configured entity fields is in the alert's group: group by the rule. */
export const FALLBACK_ENTITY_FIELD = 'rule.id';

/**
 * The entity an alert is about: the first of `fields` (in order of preference) present in
 * `alert.group` with a non-null, non-empty value; failing that, the rule itself.
 */
export function entityOf(alert: Pick<Alert, 'group' | 'rule'>, fields: readonly string[]): Entity {
  for (const field of fields) {
    const value = alert.group[field];
    if (value === undefined || value === null) continue;
    const text = String(value);
    if (text !== '') return { field, value: text };
  }
  return { field: FALLBACK_ENTITY_FIELD, value: alert.rule.id };
}
