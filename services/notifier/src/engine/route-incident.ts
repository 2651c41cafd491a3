import { effectiveLevel } from '@vigil/incidents';
import {
  incidentLabels,
  observeIncident,
  silencedBy,
  type Labels,
  type NotificationGroup,
  type RouteMatch,
} from '@vigil/routing';
import type { Incident } from '@vigil/schema';
import type { NotifierDeps } from './notifier-deps.js';

/** A route match rebuilt from a stored group, for groups whose route changed on reload. */
function matchOfGroup(group: NotificationGroup): RouteMatch {
  return {
    routeId: group.routeId,
    receiver: group.receiver,
    groupBy: [],
    groupWaitMs: group.groupWaitMs,
    groupIntervalMs: group.groupIntervalMs,
    repeatIntervalMs: group.repeatIntervalMs,
    muteTimeIntervals: [],
    activeTimeIntervals: [],
  };
}

export async function labelsOf(deps: NotifierDeps, incident: Incident): Promise<Labels> {
  const context = (await deps.state.getContext(incident.id)) ?? {};
  return incidentLabels(incident, context, deps.routing().router.hostGroups);
}

/**
 * Puts an incident's latest state into every notification group it belongs to: those its labels
 * route to now, and those it was in before (so an acknowledgement reaches whoever got the
 * trigger even if routing changed). Schedules each group's next flush.
 */
export async function routeIncident(deps: NotifierDeps, incident: Incident, now: Date): Promise<void> {
  const { router } = deps.routing();
  const labels = await labelsOf(deps, incident);
  const live = incident.state === 'open' || incident.state === 'acknowledged';
  await deps.state.setActiveLabels(incident.id, live ? labels : undefined);
  const member = { state: incident.state, fingerprint: `${incident.state}|${effectiveLevel(incident)}` };
  const targets = new Map<string, RouteMatch | undefined>();
  if (live) for (const match of router.match(labels)) targets.set(router.groupKey(match, labels), match);
  for (const key of await deps.state.groupsOf(incident.id))
    if (!targets.has(key)) targets.set(key, undefined);
  for (const [key, match] of targets) {
    const existing = await deps.state.getGroup(key);
    if (existing === undefined && match === undefined) continue;
    const routeMatch = match ?? (existing === undefined ? undefined : matchOfGroup(existing));
    if (routeMatch === undefined) continue;
    const group = observeIncident(existing, routeMatch, key, incident.id, member, now);
    await deps.state.putGroup(group);
    await deps.state.addGroupMembership(incident.id, key);
    if (group.nextFlushAt !== undefined)
      await deps.state.schedule('group', key, Date.parse(group.nextFlushAt));
  }
}

/** Why an incident must not be notified now through a route, or undefined. */
export async function suppressionOf(
  deps: NotifierDeps,
  incident: Incident,
  routeId: string,
  now: Date,
): Promise<string | undefined> {
  const { router } = deps.routing();
  const labels = await labelsOf(deps, incident);
  const silences = silencedBy(labels, await deps.state.silences(), now);
  if (silences.length > 0) return `silenced by ${silences.join(', ')}`;
  const inhibit = router.inhibitedBy(labels, await deps.state.activeLabels());
  if (inhibit !== undefined) return `inhibited by rule ${inhibit}`;
  const match = router.match(labels).find((m) => m.routeId === routeId);
  const muted = match === undefined ? undefined : router.mutedBy(match, now);
  return muted === undefined ? undefined : `muted by ${muted}`;
}
