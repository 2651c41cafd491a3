import {
  buildPlan,
  type CompiledRule,
  type CorrelationRule,
  type DetectionRule,
  type GroupBy,
  type GroupValue,
  type RuleSet,
  type Suppression,
} from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { readsPlainFields } from './probe-group-by.js';
import type { EventRule, FamilyEntry, RuleFamily, RuleTopology } from './rule-family.js';

/** The id of the family whose rules share no routing field: everything under one key. */
export const CONSTANT_FAMILY = '*';

const isCorrelation = (rule: CompiledRule): rule is CorrelationRule => 'rules' in rule;
const suppressOf = (rule: CompiledRule): Suppression | undefined =>
  (rule as { readonly suppress?: Suppression | undefined }).suppress;
const isStateful = (rule: CompiledRule): boolean =>
  rule.type !== 'signature' || suppressOf(rule) !== undefined;
const isEventRule = (rule: CompiledRule): rule is EventRule => 'match' in rule;

/** The group-bys a rule keys state by: its own (not for signatures) and its suppression's. */
function keyViews(rule: CompiledRule): GroupBy[] {
  const views: GroupBy[] = [];
  if (rule.type !== 'signature') views.push(rule.groupBy);
  const suppress = suppressOf(rule);
  if (suppress !== undefined) views.push(suppress.groupBy);
  return views;
}

/** The rule ids whose matches (or alerts) the rule's group-bys are evaluated on. */
const inputsOf = (rule: CompiledRule): readonly string[] =>
  isCorrelation(rule) ? rule.rules : [rule.meta.id];

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root))
      root = up;
    this.parent.set(id, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function intersect(sets: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = sets;
  if (first === undefined) return [];
  return [...new Set(first)].filter((name) => rest.every((set) => set.includes(name))).sort();
}

/** A copy of a detection that only feeds correlations: no alerts, no suppression state of its own. */
function feederCopy(rule: DetectionRule): DetectionRule {
  const { suppress: _suppress, ...rest } = rule;
  return { ...rest, generate: false };
}

/**
 * Splits a rule set into what the correlator evaluates statelessly on the way in and families of
 * stateful rules that can share one repartitioning. Rules linked by references (chains) form one
 * component; a component's routing fields are the group-by names all its rules share (so every key
 * of every rule lives on one partition). Components with the same routing fields are one family.
 * A component whose rules share no name, or whose group-bys do not read plain event fields under
 * those names (Sigma aliases, field mappings), is routed under one constant key: correct, not scalable.
 */
export function computeFamilies(ruleSet: RuleSet): RuleTopology {
  const plan = buildPlan(ruleSet);
  const position = new Map(ruleSet.rules.map((rule, i) => [rule.meta.id, i] as const));
  // The original order: it decides which detection feeds a correlation first, as in one engine.
  const rules = [...plan.rules].sort(
    (a, b) => (position.get(a.meta.id) ?? 0) - (position.get(b.meta.id) ?? 0),
  );
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule] as const));
  const stateful = rules.filter(isStateful);
  const components = new UnionFind();
  for (const rule of stateful) {
    components.find(rule.meta.id);
    if (!isCorrelation(rule)) continue;
    for (const ref of rule.rules) {
      const target = byId.get(ref);
      // A signature feeds correlations every match whatever its suppression: no shared state.
      if (target !== undefined && target.type !== 'signature') components.union(rule.meta.id, ref);
    }
  }
  const members = new Map<string, CompiledRule[]>();
  for (const rule of stateful) {
    const root = components.find(rule.meta.id);
    const list = members.get(root);
    if (list === undefined) members.set(root, [rule]);
    else list.push(rule);
  }

  const warnings: string[] = [];
  const byFamily = new Map<string, { fields: string[]; rules: CompiledRule[] }>();
  for (const component of members.values()) {
    let fields = intersect(component.flatMap((rule) => keyViews(rule).map((view) => view.names)));
    const ids = component.map((rule) => rule.meta.id).join(', ');
    if (fields.length === 0) {
      warnings.push(`rules ${ids} share no group-by field: routed under one constant key (one partition)`);
    } else if (
      !component.every((rule) => keyViews(rule).every((v) => readsPlainFields(v, inputsOf(rule), fields)))
    ) {
      warnings.push(
        `rules ${ids} read ${fields.join(', ')} through aliases or field mappings: routed under one constant key`,
      );
      fields = [];
    }
    const id = fields.length === 0 ? CONSTANT_FAMILY : fields.join(',');
    const family = byFamily.get(id);
    if (family === undefined) byFamily.set(id, { fields, rules: [...component] });
    else family.rules.push(...component);
  }

  const families = [...byFamily.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { fields, rules: familyRules }]) => buildFamily(id, fields, familyRules, rules));
  const stateless = rules.filter(
    (rule): rule is DetectionRule =>
      rule.type === 'signature' && suppressOf(rule) === undefined && rule.generate,
  );
  return { families, stateless, problems: plan.problems, warnings };
}

function buildFamily(
  id: string,
  fields: readonly string[],
  familyRules: readonly CompiledRule[],
  allRules: readonly CompiledRule[],
): RuleFamily {
  const own = new Set(familyRules.map((rule) => rule.meta.id));
  const fed = new Set<string>();
  for (const rule of familyRules) if (isCorrelation(rule)) for (const ref of rule.rules) fed.add(ref);
  // In the original order: own rules as they are, referenced detections of other families as feeders.
  const set: CompiledRule[] = [];
  for (const rule of allRules) {
    if (own.has(rule.meta.id)) set.push(rule);
    else if (fed.has(rule.meta.id) && rule.type === 'signature') set.push(feederCopy(rule));
  }
  const entries: FamilyEntry[] = [];
  for (const rule of set) {
    if (!isEventRule(rule)) continue;
    entries.push({ rule, keyOf: keyProjection(rule.meta.id, fields, familyRules) });
  }
  return {
    id,
    fields,
    ruleIds: familyRules.map((rule) => rule.meta.id),
    ruleSet: { rules: set },
    entries,
  };
}

/** How an event that matched `entryId` maps to the family key: through a rule that consumes it. */
function keyProjection(
  entryId: string,
  fields: readonly string[],
  familyRules: readonly CompiledRule[],
): (event: VigilEvent) => readonly GroupValue[] {
  if (fields.length === 0) return () => [];
  for (const rule of familyRules) {
    if (!inputsOf(rule).includes(entryId)) continue;
    const [view] = keyViews(rule);
    if (view === undefined) continue;
    const indices = fields.map((field) => view.names.indexOf(field));
    return (event) => {
      const values = view.valuesOf(entryId, event);
      return indices.map((i) => values[i] ?? null);
    };
  }
  // Every entry is consumed by a family rule by construction; an empty key keeps routing total.
  return () => [];
}
