import type { ParsedRule } from '../rule/parse-rule-document.js';

/** Rules by id and by name; later duplicates are rejected with a pointer to the first. */
export interface RuleIndex {
  readonly byId: ReadonlyMap<string, ParsedRule>;
  readonly byName: ReadonlyMap<string, ParsedRule>;
  /** Rules that survived the duplicate checks, in load order. */
  readonly rules: readonly ParsedRule[];
  /** Find by id first, then by name (Sigma correlations may use either). */
  find(reference: string): ParsedRule | undefined;
}

function where(rule: ParsedRule): string {
  return `${rule.document.file}:${rule.document.start.line}`;
}

export function indexRules(parsedRules: readonly ParsedRule[]): RuleIndex {
  const byId = new Map<string, ParsedRule>();
  const byName = new Map<string, ParsedRule>();
  const rules: ParsedRule[] = [];
  for (const rule of parsedRules) {
    const first = byId.get(rule.id);
    if (first !== undefined) {
      rule.issues.error(
        'duplicate_id',
        'id' in rule.body ? ['id'] : [],
        `id '${rule.id}' is already used by the rule at ${where(first)}`,
        'value',
      );
      continue;
    }
    if (rule.name !== undefined) {
      const named = byName.get(rule.name);
      if (named !== undefined) {
        rule.issues.error(
          'duplicate_name',
          ['name'],
          `name '${rule.name}' is already used by the rule at ${where(named)}`,
          'value',
        );
        continue;
      }
      byName.set(rule.name, rule);
    }
    byId.set(rule.id, rule);
    rules.push(rule);
  }
  return { byId, byName, rules, find: (reference) => byId.get(reference) ?? byName.get(reference) };
}
