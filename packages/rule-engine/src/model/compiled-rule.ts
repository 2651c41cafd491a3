import type { RuleLevel, VigilEvent } from '@vigil/schema';

/**
 * The engine's own rule model: format-agnostic, already compiled. `@vigil/sigma` turns Sigma YAML
 * (detection + correlation rules + Vigil extensions) into these; the engine never sees YAML.
 */

/** A compiled, side-effect-free test of one event. Must never throw and must run in bounded time. */
export type EventPredicate = (event: VigilEvent) => boolean;

/** One group-by value as it appears in an alert's `group`. Missing fields are null. */
export type GroupValue = string | number | boolean | null;

/** Where a rule came from, for errors and for people. */
export interface RuleSource {
  readonly file: string;
  readonly line: number;
}

export interface RuleMeta {
  /** Sigma `id` (a UUID) or, failing that, `name`. Unique across the loaded set. */
  readonly id: string;
  /** Sigma `name`, which correlation rules may use to refer to this rule. */
  readonly name?: string;
  readonly title: string;
  readonly level: RuleLevel;
  /** Part of every alert id: bump it when a rule's logic changes. Sigma `modified` or a hash of the rule. */
  readonly version: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly source: RuleSource;
}

/** Comparison for correlation conditions (Sigma: gt, gte, lt, lte, eq; several combine with AND). */
export interface CountCondition {
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly eq?: number;
}

/**
 * Group-by for correlations: `names` are the keys of the alert's `group` object (field names or
 * Sigma aliases); `valuesOf(ruleId, event)` returns the values in the same order, resolving aliases
 * per referenced rule.
 */
export interface GroupBy {
  readonly names: readonly string[];
  readonly valuesOf: (ruleId: string, event: VigilEvent) => readonly GroupValue[];
}

/** Vigil extension: at most one alert per group per window. */
export interface Suppression {
  readonly groupBy: GroupBy;
  readonly windowMs: number;
}

/**
 * A necessary condition of a rule's `match`, for routing: the rule can only match an event one of
 * whose keys (`keysOf`) is in `values`. Rules with the same `keysOf` function are indexed together,
 * so the engine reads their field once per event and runs only the rules that name a key it has.
 * `@vigil/sigma` derives it from plain `field: value` items (keys: lowercased texts).
 */
export interface MatchKey {
  readonly keysOf: (event: VigilEvent) => string | readonly string[] | undefined;
  readonly values: readonly string[];
}

/** A Sigma detection rule: one event matches or not. */
export interface DetectionRule {
  readonly type: 'signature';
  readonly meta: RuleMeta;
  /** Datasets (ECS `event.dataset`) this rule can see, from its `logsource`; empty = all. */
  readonly datasets: readonly string[];
  readonly match: EventPredicate;
  /** Optional routing hint; see `MatchKey`. */
  readonly matchKey?: MatchKey;
  /** False when only correlation rules use it (Sigma `generate: false` semantics). */
  readonly generate: boolean;
  readonly suppress?: Suppression;
}

interface CorrelationBase {
  readonly meta: RuleMeta;
  /** Ids of the rules (detection or correlation, for chains) whose matches feed this one. */
  readonly rules: readonly string[];
  readonly groupBy: GroupBy;
  readonly timespanMs: number;
  readonly generate: boolean;
  readonly suppress?: Suppression;
}

export interface EventCountRule extends CorrelationBase {
  readonly type: 'event_count';
  readonly condition: CountCondition;
}

export interface ValueCountRule extends CorrelationBase {
  readonly type: 'value_count';
  /** The field whose distinct values are counted (per referenced rule, after aliases). */
  readonly field: string;
  readonly valueOf: (ruleId: string, event: VigilEvent) => GroupValue;
  readonly condition: CountCondition;
}

export interface TemporalRule extends CorrelationBase {
  /** `temporal`: all referenced rules matched within the timespan, any order; `_ordered`: in order. */
  readonly type: 'temporal' | 'temporal_ordered';
  /** Sigma `condition` on temporal rules is optional; default: all rules, i.e. gte = rules.length. */
  readonly condition?: CountCondition;
}

/** Vigil extension: a group (e.g. host.hostname of a dataset) that sent events, then none for `timespanMs`. */
export interface AbsenceRule {
  readonly type: 'absence';
  readonly meta: RuleMeta;
  readonly datasets: readonly string[];
  readonly match: EventPredicate;
  readonly matchKey?: MatchKey;
  readonly groupBy: GroupBy;
  readonly timespanMs: number;
  readonly generate: boolean;
}

/** Vigil extension: the first time a value of `fields` is seen per group within `historyMs`. */
export interface NewTermsRule {
  readonly type: 'new_terms';
  readonly meta: RuleMeta;
  readonly datasets: readonly string[];
  readonly match: EventPredicate;
  readonly matchKey?: MatchKey;
  readonly groupBy: GroupBy;
  readonly fields: readonly string[];
  readonly valuesOf: (event: VigilEvent) => readonly GroupValue[];
  readonly historyMs: number;
  readonly generate: boolean;
}

export type CorrelationRule = EventCountRule | ValueCountRule | TemporalRule;
export type CompiledRule = DetectionRule | CorrelationRule | AbsenceRule | NewTermsRule;

/**
 * Brackets the predicate calls for one event. Inside, compiled predicates may share work across
 * rules (e.g. read each field once); outside, they compute everything afresh. The engine enters
 * before testing an event against its rules and exits right after, never changing the event between.
 */
export interface EventScope {
  enter(): void;
  exit(): void;
}

/** A loaded, validated rule set, as the engine takes it. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Optional: see `EventScope`. @vigil/sigma sets it. */
  readonly scope?: EventScope;
}
