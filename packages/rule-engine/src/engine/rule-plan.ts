import { firingCount } from '../alert/count-condition.js';
import type { CompiledRule, CorrelationRule, RuleSet } from '../model/compiled-rule.js';
import { suppressionOf } from '../operators/suppressed.js';

/** A rule the engine refused, as data: the rest of the set still runs. */
export interface RuleProblem {
  readonly ruleId: string;
  readonly message: string;
}

/** Rules in evaluation order, with the wiring decided once at setup. */
export interface RulePlan {
  /** Detection-like rules first (signature, absence, new_terms), then correlations in topological order. */
  readonly rules: readonly CompiledRule[];
  /** For each rule (by index): the correlations that take its matches or alerts as input. */
  readonly dependents: readonly (readonly number[])[];
  /** Indices of the rules that test events (have `match` and `datasets`). */
  readonly eventRules: readonly number[];
  readonly problems: readonly RuleProblem[];
}

const isCorrelation = (rule: CompiledRule): rule is CorrelationRule => 'rules' in rule;

function checkRule(rule: CompiledRule): string | undefined {
  const span = rule.type === 'new_terms' ? rule.historyMs : 'timespanMs' in rule ? rule.timespanMs : 1;
  if (!(Number.isFinite(span) && span > 0)) return `timespan must be a positive number of ms, got ${span}`;
  const suppress = suppressionOf(rule);
  if (suppress !== undefined && !(suppress.windowMs > 0)) {
    return `suppress window must be positive, got ${suppress.windowMs}`;
  }
  const condition =
    rule.type === 'event_count' || rule.type === 'value_count'
      ? rule.condition
      : rule.type === 'temporal' || rule.type === 'temporal_ordered'
        ? (rule.condition ?? { gte: rule.rules.length })
        : undefined;
  if (condition !== undefined && firingCount(condition) === undefined) {
    return `condition ${JSON.stringify(condition)} can never hold`;
  }
  return undefined;
}

/**
 * Validates a rule set and orders it: references to other rules are resolved by id, then by
 * `name`; correlations are ordered so that every rule comes after the rules it references (Kahn's
 * algorithm). Duplicates, unknown references and cycles become problems, not exceptions.
 */
export function buildPlan(ruleSet: RuleSet): RulePlan {
  const problems: RuleProblem[] = [];
  const byId = new Map<string, CompiledRule>();
  const nameToId = new Map<string, string>();
  for (const rule of ruleSet.rules) {
    const id = rule.meta.id;
    if (byId.has(id)) {
      problems.push({ ruleId: id, message: 'duplicate rule id: this copy is ignored' });
      continue;
    }
    const timing = checkRule(rule);
    if (timing !== undefined) {
      problems.push({ ruleId: id, message: timing });
      continue;
    }
    byId.set(id, rule);
    if (rule.meta.name !== undefined && !nameToId.has(rule.meta.name)) nameToId.set(rule.meta.name, id);
  }

  const ordered: CompiledRule[] = [];
  const placed = new Set<string>();
  for (const rule of byId.values()) {
    if (isCorrelation(rule)) continue;
    ordered.push(rule);
    placed.add(rule.meta.id);
  }
  let pending = [...byId.values()].filter(isCorrelation).map((rule) => ({
    rule,
    refs: rule.rules.map((ref) => (byId.has(ref) ? ref : (nameToId.get(ref) ?? ref))),
  }));
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const waiting: typeof pending = [];
    for (const item of pending) {
      if (item.refs.every((ref) => placed.has(ref))) {
        ordered.push({ ...item.rule, rules: item.refs });
        placed.add(item.rule.meta.id);
        progress = true;
      } else waiting.push(item);
    }
    pending = waiting;
  }
  for (const { rule, refs } of pending) {
    const unknown = refs.filter((ref) => !byId.has(ref));
    problems.push({
      ruleId: rule.meta.id,
      message:
        unknown.length > 0
          ? `references unknown rule(s): ${unknown.join(', ')}`
          : `references rules in a cycle or that were refused: ${refs.filter((r) => !placed.has(r)).join(', ')}`,
    });
  }

  const indexOf = new Map(ordered.map((rule, i) => [rule.meta.id, i] as const));
  const dependents: number[][] = ordered.map(() => []);
  const eventRules: number[] = [];
  ordered.forEach((rule, i) => {
    if (!isCorrelation(rule)) {
      eventRules.push(i);
      return;
    }
    for (const ref of new Set(rule.rules)) dependents[indexOf.get(ref) ?? -1]?.push(i);
  });
  return { rules: ordered, dependents, eventRules, problems };
}
