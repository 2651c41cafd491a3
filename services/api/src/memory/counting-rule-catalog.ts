import type { Alert } from '@vigil/schema';
import type { RuleCatalog, RuleReloadResult, RuleSummary } from '../ports/rule-catalog.js';

export type RuleDescription = Omit<RuleSummary, 'hits' | 'last_hit'>;

export interface LoadedRules {
  readonly rules: readonly RuleDescription[];
  readonly errors: RuleReloadResult['errors'];
}

/**
 * Rules from a loader (e.g. `@vigil/sigma` over the rules folder), with hit counts kept by watching
 * alerts go by. Counts survive reloads for rules that keep their id.
 */
export class CountingRuleCatalog implements RuleCatalog {
  private rules: readonly RuleDescription[] = [];
  private readonly hits = new Map<string, { count: number; last: string }>();

  constructor(private readonly load: () => Promise<LoadedRules>) {}

  async reload(): Promise<RuleReloadResult> {
    const loaded = await this.load();
    this.rules = loaded.rules;
    return { loaded: loaded.rules.length, errors: loaded.errors };
  }

  /** Counts known from elsewhere (e.g. the alerts index at startup). */
  seed(ruleId: string, count: number, last: string): void {
    this.hits.set(ruleId, { count, last });
  }

  recordAlert(alert: Alert): void {
    const entry = this.hits.get(alert.rule.id) ?? { count: 0, last: alert['@timestamp'] };
    entry.count++;
    if (Date.parse(alert['@timestamp']) > Date.parse(entry.last)) entry.last = alert['@timestamp'];
    this.hits.set(alert.rule.id, entry);
  }

  list(): Promise<RuleSummary[]> {
    return Promise.resolve(
      this.rules.map((rule) => {
        const hit = this.hits.get(rule.id);
        return { ...rule, hits: hit?.count ?? 0, last_hit: hit?.last ?? null };
      }),
    );
  }
}
