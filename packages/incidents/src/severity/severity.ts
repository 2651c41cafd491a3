import { RULE_LEVELS, type Incident, type RuleLevel } from '@vigil/schema';

/** The higher of two Sigma levels. */
export function maxLevel(a: RuleLevel, b: RuleLevel): RuleLevel {
  return RULE_LEVELS.indexOf(a) >= RULE_LEVELS.indexOf(b) ? a : b;
}

/**
 * The level band a severity number falls in, for overrides: the bands sit between the numbers
 * `LEVEL_SEVERITY` gives each level, so a level's own number maps back to it.
 */
export function levelForSeverity(severity: number): RuleLevel {
  if (severity >= 90) return 'critical';
  if (severity >= 60) return 'high';
  if (severity >= 35) return 'medium';
  if (severity >= 15) return 'low';
  return 'informational';
}

/** What people and routing see: the analyst's override when set, else the highest alert severity. */
export function effectiveSeverity(incident: Pick<Incident, 'severity' | 'severity_override'>): number {
  return incident.severity_override ?? incident.severity;
}

/** The level routing uses: derived from the override when there is one, else the highest alert level. */
export function effectiveLevel(incident: Pick<Incident, 'level' | 'severity_override'>): RuleLevel {
  return incident.severity_override === undefined
    ? incident.level
    : levelForSeverity(incident.severity_override);
}
