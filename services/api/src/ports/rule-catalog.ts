import type { RuleLevel, RuleType } from '@vigil/schema';

export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly level: RuleLevel;
  readonly type: RuleType;
  readonly tags: readonly string[];
  readonly description?: string;
  readonly source?: { readonly file: string; readonly line: number };
  /** Alerts this rule produced (since the catalog started counting). */
  readonly hits: number;
  readonly last_hit: string | null;
}

export interface RuleReloadResult {
  readonly loaded: number;
  readonly errors: readonly { readonly file: string; readonly message: string }[];
}

/** The loaded rules with their hit counts, and a way to reload them from disk. */
export interface RuleCatalog {
  list(): Promise<RuleSummary[]>;
  reload(): Promise<RuleReloadResult>;
}
