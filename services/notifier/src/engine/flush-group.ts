import { flushGroup } from '@vigil/routing';
import { labelsOf, suppressionOf } from './route-incident.js';
import type { NotifierDeps } from './notifier-deps.js';
import { startEscalationFor } from './escalate.js';

/** A group timer fired: flush what is due into the outbox, then start escalations it calls for. */
export async function flushDueGroup(deps: NotifierDeps, key: string, now: Date): Promise<void> {
  const group = await deps.state.getGroup(key);
  if (group === undefined) {
    await deps.state.unschedule('group', key);
    return;
  }
  const suppressed = new Set<string>();
  for (const id of Object.keys(group.members)) {
    const incident = await deps.store.get(id);
    if (incident === undefined) continue;
    const why = await suppressionOf(deps, incident, group.routeId, now);
    if (why !== undefined) {
      suppressed.add(id);
      deps.log.debug({ incident: id, group: key, why }, 'notification held');
    }
  }
  const { group: next, flush } = flushGroup(group, now, (id) => suppressed.has(id));
  if (flush !== undefined) {
    // The outbox entry is written before the group moves on: a crash here recomputes the same flush id.
    const added = await deps.state.enqueue({
      id: flush.id,
      receiver: group.receiver,
      reason: flush.reason,
      incidentIds: flush.incidentIds,
      createdMs: now.getTime(),
      attempts: 0,
      nextAttemptMs: now.getTime(),
    });
    if (added) deps.metrics.pages.inc({ reason: flush.reason });
  }
  if (next === undefined) {
    await deps.state.deleteGroup(key);
    await deps.state.unschedule('group', key);
  } else {
    await deps.state.putGroup(next);
    if (next.nextFlushAt === undefined) await deps.state.unschedule('group', key);
    else await deps.state.schedule('group', key, Date.parse(next.nextFlushAt));
  }
  if (flush === undefined) return;
  const { router } = deps.routing();
  for (const id of flush.incidentIds) {
    const incident = await deps.store.get(id);
    if (incident === undefined) continue;
    const match = router.match(await labelsOf(deps, incident)).find((m) => m.routeId === group.routeId);
    if (match?.escalation !== undefined) await startEscalationFor(deps, incident, match.escalation, now);
  }
}
