import { describe, expect, it } from 'vitest';
import { ROUTE_DEFAULTS, type RouteMatch } from '../router/router.js';
import { flushGroup, observeIncident, type NotificationGroup } from './notification-group.js';

const match: RouteMatch = {
  routeId: 'route',
  receiver: 'team',
  ...ROUTE_DEFAULTS,
  groupWaitMs: 30_000,
  groupIntervalMs: 300_000,
  repeatIntervalMs: 3_600_000,
  muteTimeIntervals: [],
  activeTimeIntervals: [],
};
const t0 = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number): Date => new Date(t0 + seconds * 1000);
const open = { state: 'open', fingerprint: 'open|high' } as const;

function observe(
  group: NotificationGroup | undefined,
  id: string,
  member: typeof open | { state: 'acknowledged' | 'resolved'; fingerprint: string },
  s: number,
) {
  return observeIncident(group, match, 'k', id, member, at(s));
}

describe('notification groups', () => {
  it('waits group_wait, then notifies once for many changes', () => {
    let group = observe(undefined, 'a', open, 0);
    group = observe(group, 'b', open, 5);
    expect(flushGroup(group, at(29)).flush).toBeUndefined();
    const first = flushGroup(group, at(30));
    expect(first.flush).toMatchObject({ reason: 'initial', incidentIds: ['a', 'b'] });
    group = first.group!;
    // Nothing new: no second notification before repeat_interval.
    expect(flushGroup(group, at(600)).flush).toBeUndefined();
  });

  it('sends updates no more often than group_interval', () => {
    let group = flushGroup(observe(undefined, 'a', open, 0), at(30)).group!;
    group = observe(group, 'a', { state: 'acknowledged', fingerprint: 'ack|high' }, 60);
    expect(group.nextFlushAt).toBe(at(330).toISOString());
    const update = flushGroup(group, at(330));
    expect(update.flush).toMatchObject({ reason: 'update', incidentIds: ['a'] });
  });

  it('repeats still-open incidents after repeat_interval, never acknowledged ones', () => {
    let group = observe(undefined, 'a', open, 0);
    group = observe(group, 'b', open, 0);
    group = flushGroup(group, at(30)).group!;
    group = observe(group, 'b', { state: 'acknowledged', fingerprint: 'ack|high' }, 40);
    group = flushGroup(group, at(330)).group!;
    const repeat = flushGroup(group, at(30 + 3600 + 300));
    expect(repeat.flush).toMatchObject({ reason: 'repeat', incidentIds: ['a'] });
  });

  it('tells about a resolution, then drops the group', () => {
    let group = flushGroup(observe(undefined, 'a', open, 0), at(30)).group!;
    group = observe(group, 'a', { state: 'resolved', fingerprint: 'resolved|high' }, 100);
    const last = flushGroup(group, at(330));
    expect(last.flush?.incidentIds).toEqual(['a']);
    expect(last.group).toBeUndefined();
  });

  it('never tells about an incident resolved or acknowledged before anyone heard of it', () => {
    let group = observe(undefined, 'a', open, 0);
    group = observe(group, 'a', { state: 'acknowledged', fingerprint: 'ack|high' }, 10);
    const flushed = flushGroup(group, at(30));
    expect(flushed.flush).toBeUndefined();
    group = observe(flushed.group, 'a', { state: 'resolved', fingerprint: 'resolved|high' }, 40);
    expect(flushGroup(group, at(400)).flush).toBeUndefined();
  });

  it('holds suppressed incidents and sends them when no longer suppressed', () => {
    const group = observe(undefined, 'a', open, 0);
    const held = flushGroup(group, at(30), () => true);
    expect(held.flush).toBeUndefined();
    expect(held.group?.nextFlushAt).toBe(at(330).toISOString());
    const later = flushGroup(held.group!, at(330), () => false);
    expect(later.flush).toMatchObject({ reason: 'initial', incidentIds: ['a'] });
  });

  it('gives every flush a distinct, deterministic id', () => {
    const g1 = observe(undefined, 'a', open, 0);
    const first = flushGroup(g1, at(30));
    expect(first.flush?.id).toBe(flushGroup(g1, at(31)).flush?.id);
    const g2 = observe(first.group, 'a', { state: 'acknowledged', fingerprint: 'ack' }, 40);
    expect(flushGroup(g2, at(400)).flush?.id).not.toBe(first.flush?.id);
  });
});
