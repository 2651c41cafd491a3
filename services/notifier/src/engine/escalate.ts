import { reduceIncident } from '@vigil/incidents';
import { advanceEscalation, startEscalation, stopEscalation, type Page } from '@vigil/routing';
import type { Incident } from '@vigil/schema';
import { sha256Id } from '@vigil/core';
import type { NotifierDeps } from './notifier-deps.js';
import { saveIncidentChange } from './save-incident.js';

/** A reopened incident escalates afresh: the run is how many times it was reopened. */
function runOf(incident: Incident): number {
  return incident.timeline.filter((e) => e.action === 'reopened').length;
}

async function enqueuePage(deps: NotifierDeps, page: Page, now: Date): Promise<void> {
  for (const target of page.targets) {
    const added = await deps.state.enqueue({
      id: sha256Id(page.id, target.receiver),
      receiver: target.receiver,
      reason: 'escalation',
      incidentIds: [page.incidentId],
      escalation: {
        policy: page.policy,
        level: page.level,
        cycle: page.cycle,
        ...(target.person === undefined ? {} : { person: target.person }),
      },
      createdMs: now.getTime(),
      attempts: 0,
      nextAttemptMs: now.getTime(),
    });
    await deps.state.addPagedReceiver(page.incidentId, target.receiver);
    if (added) deps.metrics.pages.inc({ reason: 'escalation' });
  }
  const targets = page.targets.map((t) => t.person ?? t.receiver);
  await saveIncidentChange(deps.store, deps.publisher, page.incidentId, (current) =>
    reduceIncident(
      current,
      { type: 'record_escalation', actor: 'system', level: page.level, targets },
      now,
      deps.grouping,
    ),
  );
}

/** Starts the route's escalation for an open incident, once per run (reopen starts a new run). */
export async function startEscalationFor(
  deps: NotifierDeps,
  incident: Incident,
  policyName: string,
  now: Date,
): Promise<void> {
  if (incident.state !== 'open') return;
  const { router } = deps.routing();
  const policy = router.policy(policyName);
  if (policy === undefined) return;
  const run = runOf(incident);
  const existing = await deps.state.getEscalation(incident.id);
  if (existing !== undefined && existing.run >= run) return;
  const step = startEscalation(incident.id, policy, router, now, run);
  // Page first, then record the state: a crash in between re-pages the same deterministic id (a no-op).
  await enqueuePage(deps, step.page, now);
  await deps.state.putEscalation(step.state);
  if (step.state.nextAt !== undefined)
    await deps.state.schedule('escalation', incident.id, Date.parse(step.state.nextAt));
}

/** An escalation timer fired: page the next level unless the incident is no longer open. */
export async function advanceEscalationFor(deps: NotifierDeps, incidentId: string, now: Date): Promise<void> {
  const state = await deps.state.getEscalation(incidentId);
  const incident = await deps.store.get(incidentId);
  if (state === undefined || incident === undefined) {
    await deps.state.unschedule('escalation', incidentId);
    return;
  }
  if (incident.state !== 'open') {
    await stopEscalationFor(
      deps,
      incidentId,
      incident.state === 'acknowledged' ? 'acknowledged' : 'resolved',
    );
    return;
  }
  const policy = deps.routing().router.policy(state.policy);
  if (policy === undefined) {
    await deps.state.putEscalation(stopEscalation(state, 'exhausted'));
    await deps.state.unschedule('escalation', incidentId);
    return;
  }
  const step = advanceEscalation(state, policy, deps.routing().router, now);
  if (step.page !== undefined) await enqueuePage(deps, step.page, now);
  await deps.state.putEscalation(step.state);
  if (step.state.nextAt === undefined) await deps.state.unschedule('escalation', incidentId);
  else await deps.state.schedule('escalation', incidentId, Date.parse(step.state.nextAt));
}

export async function stopEscalationFor(
  deps: NotifierDeps,
  incidentId: string,
  reason: 'acknowledged' | 'resolved',
): Promise<void> {
  const state = await deps.state.getEscalation(incidentId);
  if (state !== undefined) await deps.state.putEscalation(stopEscalation(state, reason));
  await deps.state.unschedule('escalation', incidentId);
}
