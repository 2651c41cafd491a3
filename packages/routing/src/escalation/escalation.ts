import { sha256Id } from '@vigil/core';
import type { EscalationPolicy } from '../config/routing-config.schema.js';
import type { Router } from '../router/router.js';
import { onCallAt } from './rotation.js';

export type EscalationStop = 'acknowledged' | 'resolved' | 'exhausted';

/** Where one incident's escalation stands; kept by the notifier (in Redis) between ticks. */
export interface EscalationState {
  readonly incidentId: string;
  readonly policy: string;
  /** Which escalation of this incident (a reopened incident escalates afresh: run 1, 2, …). */
  readonly run: number;
  /** Which pass through the levels (0-based; a policy with `repeat: n` has n + 1). */
  readonly cycle: number;
  /** The level paged last. */
  readonly level: number;
  readonly pagedAt: string;
  /** When the next level is due unless acknowledged; absent once stopped. */
  readonly nextAt?: string;
  readonly stopped?: EscalationStop;
}

export interface PageTarget {
  readonly receiver: string;
  /** Set when the target came from a rotation: who was on call. */
  readonly person?: string;
  readonly rotation?: string;
}

/** One page to send. `id` is deterministic: a restarted notifier recomputes the same one. */
export interface Page {
  readonly id: string;
  readonly incidentId: string;
  readonly policy: string;
  readonly cycle: number;
  readonly level: number;
  readonly targets: readonly PageTarget[];
}

export type EscalationStep = { readonly state: EscalationState; readonly page?: Page };

function targetsAt(policy: EscalationPolicy, level: number, router: Router, now: Date): PageTarget[] {
  const out: PageTarget[] = [];
  for (const target of policy.levels[level]?.targets ?? []) {
    if ('receiver' in target) {
      out.push({ receiver: target.receiver });
      continue;
    }
    const rotation = router.rotation(target.oncall);
    if (rotation === undefined) continue;
    const person = onCallAt(rotation, now);
    const receiver = router.personReceiver(person);
    if (receiver !== undefined) out.push({ receiver, person, rotation: rotation.name });
  }
  return out;
}

function page(state: EscalationState, policy: EscalationPolicy, router: Router, now: Date): Page {
  return {
    id: sha256Id(
      'page',
      state.incidentId,
      String(state.run),
      state.policy,
      String(state.cycle),
      String(state.level),
    ),
    incidentId: state.incidentId,
    policy: state.policy,
    cycle: state.cycle,
    level: state.level,
    targets: targetsAt(policy, state.level, router, now),
  };
}

function at(policy: EscalationPolicy, level: number, now: Date): string {
  return new Date(now.getTime() + (policy.levels[level]?.ack_timeout ?? 0)).toISOString();
}

/**
 * Starts an escalation: level 0 is paged now and level 1 is due after level 0's ack timeout.
 * `run` tells apart the escalations of one incident that was reopened (page ids differ per run).
 */
export function startEscalation(
  incidentId: string,
  policy: EscalationPolicy,
  router: Router,
  now: Date,
  run = 0,
): Required<EscalationStep> {
  const state: EscalationState = {
    incidentId,
    policy: policy.name,
    run,
    cycle: 0,
    level: 0,
    pagedAt: now.toISOString(),
    nextAt: at(policy, 0, now),
  };
  return { state, page: page(state, policy, router, now) };
}

/**
 * Moves an escalation on when its next level is due: pages that level, or starts the next cycle,
 * or stops as `exhausted`. One step per call, so a notifier that was down pages the missed level
 * once, now, and the following one after its own timeout, instead of every level at once.
 */
export function advanceEscalation(
  state: EscalationState,
  policy: EscalationPolicy,
  router: Router,
  now: Date,
): EscalationStep {
  if (state.stopped !== undefined || state.nextAt === undefined || now.getTime() < Date.parse(state.nextAt))
    return { state };
  let level = state.level + 1;
  let cycle = state.cycle;
  if (level >= policy.levels.length) {
    if (cycle >= policy.repeat) {
      const { nextAt: _done, ...rest } = state;
      return { state: { ...rest, stopped: 'exhausted' } };
    }
    cycle++;
    level = 0;
  }
  const next: EscalationState = {
    ...state,
    cycle,
    level,
    pagedAt: now.toISOString(),
    nextAt: at(policy, level, now),
  };
  return { state: next, page: page(next, policy, router, now) };
}

/** Acknowledging or resolving stops the escalation: nothing more is paged. */
export function stopEscalation(state: EscalationState, reason: EscalationStop): EscalationState {
  if (state.stopped !== undefined) return state;
  const { nextAt: _done, ...rest } = state;
  return { ...rest, stopped: reason };
}
