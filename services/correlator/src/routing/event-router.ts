import {
  createSignature,
  DEFAULT_OPERATOR_OPTIONS,
  type DetectionRule,
  type RuleOperator,
} from '@vigil/rule-engine';
import type { Alert, VigilEvent } from '@vigil/schema';
import type { EventRule, RuleTopology } from '../families/rule-family.js';
import { routingKey } from './routing-key.js';

/** One copy of an event for one family, under its routing key. */
export interface RoutedCopy {
  readonly family: string;
  readonly key: string;
}

export interface RouteError {
  readonly ruleId: string;
  readonly message: string;
}

export interface RouteResult {
  readonly copies: RoutedCopy[];
  /** Alerts of stateless signature rules, identical to those one engine would make. */
  readonly alerts: Alert[];
  /** Predicates or group-bys that threw (the rule contract says they must not). */
  readonly errors: RouteError[];
}

interface Candidate {
  readonly family: string;
  readonly rule: EventRule;
  readonly keyOf: (event: VigilEvent) => readonly (string | number | boolean | null)[];
}

interface Plan {
  readonly signatures: readonly { readonly rule: DetectionRule; readonly op: RuleOperator }[];
  readonly candidates: readonly Candidate[];
}

const applies = (rule: { readonly datasets: readonly string[] }, dataset: string): boolean =>
  rule.datasets.length === 0 || rule.datasets.includes(dataset);

/**
 * Stage 1 of the correlator, pure: which families need an event (and under which key), and the
 * alerts of stateless signature rules. Predicates are indexed by `event.dataset` once per dataset.
 */
export class EventRouter {
  private readonly signatures: readonly { readonly rule: DetectionRule; readonly op: RuleOperator }[];
  private readonly candidates: readonly Candidate[];
  private readonly cache = new Map<string, Plan>();

  constructor(topology: RuleTopology, options: { readonly maxEvidence?: number } = {}) {
    const operatorOptions = {
      ...DEFAULT_OPERATOR_OPTIONS,
      ...(options.maxEvidence === undefined ? {} : { maxEvidence: options.maxEvidence }),
    };
    this.signatures = topology.stateless.map((rule) => ({
      rule,
      op: createSignature(rule, operatorOptions),
    }));
    this.candidates = topology.families.flatMap((family) =>
      family.entries.map((entry) => ({ family: family.id, rule: entry.rule, keyOf: entry.keyOf })),
    );
  }

  route(event: VigilEvent, ts: number): RouteResult {
    const result: RouteResult = { copies: [], alerts: [], errors: [] };
    const plan = this.planFor(event.event.dataset);
    const evidence = [event.event.id];
    const datasets = [event.event.dataset];
    for (const { rule, op } of plan.signatures) {
      try {
        if (!rule.match(event)) continue;
        op.onMatch({ kind: 'match', ruleId: rule.meta.id, ts, event, evidence, datasets }, (alert) =>
          result.alerts.push(alert),
        );
      } catch (error) {
        result.errors.push({ ruleId: rule.meta.id, message: messageOf(error) });
      }
    }
    let done: string | undefined;
    for (const candidate of plan.candidates) {
      // Candidates are grouped by family: one copy per family is enough, its engine tests the rest.
      if (candidate.family === done) continue;
      try {
        if (!candidate.rule.match(event)) continue;
        result.copies.push({
          family: candidate.family,
          key: routingKey(candidate.family, candidate.keyOf(event)),
        });
        done = candidate.family;
      } catch (error) {
        result.errors.push({ ruleId: candidate.rule.meta.id, message: messageOf(error) });
      }
    }
    return result;
  }

  private planFor(dataset: string): Plan {
    let plan = this.cache.get(dataset);
    if (plan === undefined) {
      plan = {
        signatures: this.signatures.filter(({ rule }) => applies(rule, dataset)),
        candidates: this.candidates.filter(({ rule }) => applies(rule, dataset)),
      };
      // Datasets come from input: a flood of made-up ones must not grow the cache without bound.
      if (this.cache.size < 10_000) this.cache.set(dataset, plan);
    }
    return plan;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
