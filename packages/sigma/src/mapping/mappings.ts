/** The logsource keys that select data; `definition` and custom keys are descriptive only. */
export const LOGSOURCE_KEYS = ['category', 'product', 'service'] as const;
export type LogsourceKey = (typeof LOGSOURCE_KEYS)[number];

/** A rule's logsource, lowercased; absent keys are undefined. */
export type RuleLogsource = Partial<Record<LogsourceKey, string>>;

/** Accepted values per key (lowercased). */
export type LogsourceMatch = Partial<Record<LogsourceKey, readonly string[]>>;

export interface LogsourceEntry {
  readonly match: LogsourceMatch;
  readonly datasets: readonly string[];
}

export interface FieldScope {
  readonly match: LogsourceMatch;
  readonly fields: ReadonlyMap<string, readonly string[]>;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly fallbackPrefix?: string;
  readonly inheritGlobal: boolean;
}

/** Both mapping tables, validated: what the loader needs to place and translate rules. */
export interface Mappings {
  readonly datasets: readonly string[];
  readonly logsources: readonly LogsourceEntry[];
  readonly keywordFields: readonly string[];
  /** Fields a rule may name directly: the event schema's leaves plus `ecs_extra`. */
  readonly ecsFields: ReadonlySet<string>;
  readonly passthroughPrefixes: readonly string[];
  readonly global: ReadonlyMap<string, readonly string[]>;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly scoped: readonly FieldScope[];
}

export function describeLogsource(logsource: RuleLogsource): string {
  const parts = LOGSOURCE_KEYS.filter((key) => logsource[key] !== undefined).map(
    (key) => `${key}=${logsource[key] ?? ''}`,
  );
  return parts.length > 0 ? parts.join(' ') : '(empty)';
}
