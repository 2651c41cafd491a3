import type {
  AbsenceRule,
  DetectionRule,
  GroupValue,
  NewTermsRule,
  RuleProblem,
  RuleSet,
} from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';

/** A rule that tests events itself (has `match` and `datasets`). */
export type EventRule = DetectionRule | AbsenceRule | NewTermsRule;

/**
 * One way into a family: an event rule of the family's rule set, with the projection of a matching
 * event onto the family's routing fields (its part of the repartition key).
 */
export interface FamilyEntry {
  readonly rule: EventRule;
  readonly keyOf: (event: VigilEvent) => readonly GroupValue[];
}

/**
 * Stateful rules that must see the same events per key, evaluated by one engine per repartition
 * partition. All of them keep state keyed by values that include the routing `fields`, so routing by
 * those fields puts every key's state on exactly one partition.
 */
export interface RuleFamily {
  /** The routing fields joined by `,` (e.g. `source.ip`), or `*` for the constant-key family. */
  readonly id: string;
  /** Sorted routing fields; empty for the constant-key family (one partition holds it all). */
  readonly fields: readonly string[];
  /** The stateful rules of the family (correlations, suppressed signatures, absence, new_terms). */
  readonly ruleIds: readonly string[];
  /** What the family's engine runs: its rules plus the detections they reference (as non-alerting copies). */
  readonly ruleSet: RuleSet;
  readonly entries: readonly FamilyEntry[];
}

export interface RuleTopology {
  readonly families: readonly RuleFamily[];
  /** Signature rules without `suppress` that alert: evaluated on the way in, no state. */
  readonly stateless: readonly DetectionRule[];
  /** Rules refused by the engine's plan (unknown references, cycles, bad timespans). */
  readonly problems: readonly RuleProblem[];
  /** Things an operator should know, e.g. a family routed under one constant key. */
  readonly warnings: readonly string[];
}
