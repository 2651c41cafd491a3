import type { Alert, VigilEvent } from '@vigil/schema';
import type { KeyStats } from '../state/keyed-state.js';
import type { CompiledRule } from './compiled-rule.js';

/**
 * One input of an operator: an event matched one of the rule's referenced rules (a detection), or
 * a referenced correlation fired (then `event` is the event that made it fire and `evidence` holds
 * its evidence ids).
 */
export interface Match {
  readonly kind: 'match';
  /** Id of the referenced rule that matched. */
  readonly ruleId: string;
  /** Event time in ms. */
  readonly ts: number;
  readonly event: VigilEvent;
  readonly evidence: readonly string[];
  readonly datasets: readonly string[];
}

/** Event time has reached `ts`: every input before it has been delivered. Fires timers, evicts. */
export interface Tick {
  readonly kind: 'tick';
  readonly ts: number;
}

export type OperatorInput = Match | Tick;

/** Receives an alert and the match that made it fire (for absence: the group's last event, at the deadline). */
export type AlertSink = (alert: Alert, trigger: Match) => void;

/** Limits shared by every operator of an engine. */
export interface OperatorOptions {
  /** Keys held per operator before the least recently active is dropped. */
  readonly maxKeys: number;
  /** Event ids carried in one alert's evidence (the most recent ones). */
  readonly maxEvidence: number;
  /**
   * new_terms: stay silent (learning) for the first `historyMs` of event time after the operator's
   * first match, so a fresh start does not flag every term as new.
   */
  readonly newTermsLearning: boolean;
  /**
   * new_terms learning starts here (event time, epoch ms) instead of at the operator's first match:
   * engines that each see part of the stream (correlator partitions) then learn over the same span
   * as one engine over all of it (`vigil replay` with the same start).
   */
  readonly newTermsLearningFromMs: number | undefined;
  /** Least event time between two scans of an operator's keys for expired ones (at most span / 4 apart). */
  readonly sweepIntervalMs: number;
}

/** How often an operator with this window scans its keys for expired ones. */
export function scanEvery(windowMs: number, options: OperatorOptions): number {
  return Math.max(options.sweepIntervalMs, windowMs / 4);
}

export const DEFAULT_OPERATOR_OPTIONS: OperatorOptions = {
  maxKeys: 1_000_000,
  maxEvidence: 100,
  newTermsLearning: true,
  newTermsLearningFromMs: undefined,
  sweepIntervalMs: 1_000,
};

/** Operator state as JSON: a version-checked list of group keys with their state. */
export interface OperatorSnapshot {
  readonly type: string;
  readonly keys: readonly (readonly [string, unknown])[];
}

/**
 * The synchronous core of a rule type. State lives in the factory's closure. Inputs come in
 * non-decreasing event time; `emit` receives alerts (before suppression and `generate`).
 */
export interface RuleOperator {
  readonly rule: CompiledRule;
  onMatch(match: Match, emit: AlertSink): void;
  /** Event time reached `ts`; returns nothing but may emit (absence timers). */
  advance(ts: number, emit: AlertSink): void;
  /** Whether `advance` can emit, so the engine calls it before every event (timers). */
  readonly hasTimers: boolean;
  keyStats(): KeyStats;
  snapshot(filter?: (groupKey: string) => boolean): OperatorSnapshot;
  restore(snapshot: OperatorSnapshot): void;
}
