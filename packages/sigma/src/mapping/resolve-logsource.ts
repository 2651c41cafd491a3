import { LOGSOURCE_KEYS, type LogsourceMatch, type Mappings, type RuleLogsource } from './mappings.js';

/** The rule sets exactly the entry's keys, each to an accepted value. */
function matchesExactly(match: LogsourceMatch, logsource: RuleLogsource): boolean {
  return LOGSOURCE_KEYS.every((key) => {
    const accepted = match[key];
    const value = logsource[key];
    if (accepted === undefined) return value === undefined;
    return value !== undefined && accepted.includes(value);
  });
}

/** The entry's keys are all set in the rule's logsource, with accepted values (the rule may set more). */
export function matchesSubset(match: LogsourceMatch, logsource: RuleLogsource): boolean {
  return LOGSOURCE_KEYS.every((key) => {
    const accepted = match[key];
    if (accepted === undefined) return true;
    const value = logsource[key];
    return value !== undefined && accepted.includes(value);
  });
}

/** Datasets a rule with this logsource sees ([] = all), or undefined when Vigil ingests no such logs. */
export function resolveLogsource(
  mappings: Mappings,
  logsource: RuleLogsource,
): readonly string[] | undefined {
  return mappings.logsources.find((entry) => matchesExactly(entry.match, logsource))?.datasets;
}
