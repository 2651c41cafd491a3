import { sha256Id } from '@vigil/core';
import type { IncidentState } from '@vigil/schema';
import type { RouteMatch } from '../router/router.js';

/** What a group knows of one member incident; `fingerprint` changes when people should hear again. */
export interface GroupMember {
  readonly state: IncidentState;
  readonly fingerprint: string;
}

/**
 * A notification group (Alertmanager's aggregation group): incidents that share a route, a
 * receiver and group_by values, notified together. Plain data: the notifier keeps it in Redis.
 */
export interface NotificationGroup {
  readonly key: string;
  readonly routeId: string;
  readonly receiver: string;
  readonly groupWaitMs: number;
  readonly groupIntervalMs: number;
  readonly repeatIntervalMs: number;
  readonly members: Readonly<Record<string, GroupMember>>;
  /** Fingerprint last sent per incident. */
  readonly notified: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly lastFlushAt?: string;
  readonly nextFlushAt?: string;
  /** How many notifications went out: part of each notification's deterministic id. */
  readonly seq: number;
}

export interface GroupFlush {
  readonly id: string;
  readonly reason: 'initial' | 'update' | 'repeat';
  readonly incidentIds: readonly string[];
}

const LIVE = new Set<IncidentState>(['open', 'acknowledged']);
/** Marks a fingerprint recorded without sending (the incident was never open when due). */
const QUIET = '~';

function seen(notified: string | undefined, fingerprint: string): boolean {
  return notified === fingerprint || notified === QUIET + fingerprint;
}

function wasSent(notified: string | undefined): boolean {
  return notified !== undefined && !notified.startsWith(QUIET);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Records an incident's latest state in its group, creating the group on first sight. */
export function observeIncident(
  group: NotificationGroup | undefined,
  match: RouteMatch,
  key: string,
  incidentId: string,
  member: GroupMember,
  now: Date,
): NotificationGroup {
  const t = now.getTime();
  const base: NotificationGroup = group ?? {
    key,
    routeId: match.routeId,
    receiver: match.receiver,
    groupWaitMs: match.groupWaitMs,
    groupIntervalMs: match.groupIntervalMs,
    repeatIntervalMs: match.repeatIntervalMs,
    members: {},
    notified: {},
    createdAt: iso(t),
    nextFlushAt: iso(t + match.groupWaitMs),
    seq: 0,
  };
  const members = { ...base.members, [incidentId]: member };
  if (seen(base.notified[incidentId], member.fingerprint)) return { ...base, members };
  // Something to tell: the first flush waits group_wait; later ones at most every group_interval.
  const due =
    base.lastFlushAt === undefined
      ? t + base.groupWaitMs
      : Math.max(t, Date.parse(base.lastFlushAt) + base.groupIntervalMs);
  const current = base.nextFlushAt === undefined ? Infinity : Date.parse(base.nextFlushAt);
  const nextFlushAt = group === undefined ? base.nextFlushAt : iso(Math.min(current, due));
  return { ...base, members, ...(nextFlushAt === undefined ? {} : { nextFlushAt }) };
}

/**
 * Sends what is due at `now`: members whose fingerprint changed since last sent (`initial` or
 * `update`), or, with nothing new, a `repeat` of the still-open members once repeat_interval has
 * passed. Suppressed members (silenced, inhibited, muted) stay unsent and are retried every
 * group_interval. Incidents nobody was told about that are no longer open are dropped quietly.
 * Returns no group when it has no live member left.
 */
export function flushGroup(
  group: NotificationGroup,
  now: Date,
  isSuppressed: (incidentId: string) => boolean = () => false,
): { readonly group?: NotificationGroup; readonly flush?: GroupFlush } {
  const t = now.getTime();
  if (group.nextFlushAt === undefined || t < Date.parse(group.nextFlushAt)) return { group };
  const notified: Record<string, string> = { ...group.notified };
  const send: string[] = [];
  let held = false;
  for (const [id, member] of Object.entries(group.members)) {
    if (seen(notified[id], member.fingerprint)) continue;
    if (!wasSent(notified[id]) && member.state !== 'open') {
      notified[id] = QUIET + member.fingerprint;
      continue;
    }
    if (isSuppressed(id)) {
      held = true;
      continue;
    }
    send.push(id);
    notified[id] = member.fingerprint;
  }
  let reason: GroupFlush['reason'] = group.lastFlushAt === undefined ? 'initial' : 'update';
  const open = Object.entries(group.members).filter(([id, m]) => m.state === 'open' && wasSent(notified[id]));
  if (
    send.length === 0 &&
    group.lastFlushAt !== undefined &&
    t >= Date.parse(group.lastFlushAt) + group.repeatIntervalMs
  ) {
    send.push(...open.map(([id]) => id).filter((id) => !isSuppressed(id)));
    reason = 'repeat';
  }
  send.sort();

  const members = Object.fromEntries(Object.entries(group.members).filter(([, m]) => LIVE.has(m.state)));
  const kept = Object.fromEntries(Object.entries(notified).filter(([id]) => id in members));
  const flushed = send.length > 0;
  const lastFlushAt = flushed ? iso(t) : group.lastFlushAt;
  let nextFlushAt: number | undefined;
  if (held) nextFlushAt = t + group.groupIntervalMs;
  else if (lastFlushAt !== undefined && open.length > 0)
    nextFlushAt = Date.parse(lastFlushAt) + group.repeatIntervalMs;
  if (nextFlushAt !== undefined && nextFlushAt <= t) nextFlushAt = t + group.repeatIntervalMs;

  const { nextFlushAt: _old, lastFlushAt: _last, ...rest } = group;
  const next: NotificationGroup = {
    ...rest,
    members,
    notified: kept,
    seq: flushed ? group.seq + 1 : group.seq,
    ...(lastFlushAt === undefined ? {} : { lastFlushAt }),
    ...(nextFlushAt === undefined ? {} : { nextFlushAt: iso(nextFlushAt) }),
  };
  const flush: GroupFlush | undefined = flushed
    ? { id: sha256Id('flush', group.key, String(group.seq)), reason, incidentIds: send }
    : undefined;
  const alive = Object.keys(members).length > 0;
  return { ...(alive ? { group: next } : {}), ...(flush === undefined ? {} : { flush }) };
}
