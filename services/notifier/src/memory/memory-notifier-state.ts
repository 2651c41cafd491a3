import type { EscalationState, IncidentContext, Labels, NotificationGroup, Silence } from '@vigil/routing';
import type { DueTimer, NotifierState, OutboxItem, TimerKind } from '../ports/notifier-state.js';

/** NotifierState in process memory: the reference for the Redis implementation's behaviour. */
export class MemoryNotifierState implements NotifierState {
  readonly contexts = new Map<string, IncidentContext>();
  readonly groups = new Map<string, NotificationGroup>();
  readonly memberships = new Map<string, Set<string>>();
  readonly escalations = new Map<string, EscalationState>();
  readonly paged = new Map<string, Set<string>>();
  readonly timers = new Map<string, DueTimer>();
  readonly outbox = new Map<string, OutboxItem>();
  readonly done = new Set<string>();
  readonly delivered = new Map<string, Set<string>>();
  readonly labels = new Map<string, Labels>();
  readonly entities = new Map<string, string[]>();
  silenceList: Silence[] = [];

  entityIncidents(field: string, value: string) {
    return Promise.resolve([...(this.entities.get(`${field}=${value}`) ?? [])]);
  }
  addEntityIncident(field: string, value: string, id: string) {
    const key = `${field}=${value}`;
    const ids = (this.entities.get(key) ?? []).filter((x) => x !== id);
    this.entities.set(key, [id, ...ids].slice(0, 10));
    return Promise.resolve();
  }

  getContext(id: string) {
    return Promise.resolve(this.contexts.get(id));
  }
  setContext(id: string, context: IncidentContext) {
    this.contexts.set(id, context);
    return Promise.resolve();
  }
  getGroup(key: string) {
    return Promise.resolve(this.groups.get(key));
  }
  putGroup(group: NotificationGroup) {
    this.groups.set(group.key, group);
    return Promise.resolve();
  }
  deleteGroup(key: string) {
    this.groups.delete(key);
    return Promise.resolve();
  }
  groupsOf(id: string) {
    return Promise.resolve([...(this.memberships.get(id) ?? [])]);
  }
  addGroupMembership(id: string, key: string) {
    const set = this.memberships.get(id) ?? new Set<string>();
    set.add(key);
    this.memberships.set(id, set);
    return Promise.resolve();
  }
  getEscalation(id: string) {
    return Promise.resolve(this.escalations.get(id));
  }
  putEscalation(state: EscalationState) {
    this.escalations.set(state.incidentId, state);
    return Promise.resolve();
  }
  pagedReceivers(id: string) {
    return Promise.resolve([...(this.paged.get(id) ?? [])]);
  }
  addPagedReceiver(id: string, receiver: string) {
    const set = this.paged.get(id) ?? new Set<string>();
    set.add(receiver);
    this.paged.set(id, set);
    return Promise.resolve();
  }
  schedule(kind: TimerKind, id: string, dueMs: number) {
    this.timers.set(`${kind}:${id}`, { kind, id, dueMs });
    return Promise.resolve();
  }
  unschedule(kind: TimerKind, id: string) {
    this.timers.delete(`${kind}:${id}`);
    return Promise.resolve();
  }
  dueTimers(nowMs: number, limit: number) {
    const due = [...this.timers.values()].filter((t) => t.dueMs <= nowMs).sort((a, b) => a.dueMs - b.dueMs);
    return Promise.resolve(due.slice(0, limit));
  }
  enqueue(item: OutboxItem) {
    if (this.done.has(item.id) || this.outbox.has(item.id)) return Promise.resolve(false);
    this.outbox.set(item.id, item);
    return Promise.resolve(true);
  }
  pendingOutbox(nowMs: number, limit: number) {
    const due = [...this.outbox.values()]
      .filter((i) => i.nextAttemptMs <= nowMs)
      .sort((a, b) => a.createdMs - b.createdMs || a.id.localeCompare(b.id));
    return Promise.resolve(due.slice(0, limit));
  }
  markDelivered(itemId: string, channel: string, messageIds: readonly string[]) {
    const key = `${itemId}|${channel}`;
    const set = this.delivered.get(key) ?? new Set<string>();
    for (const id of messageIds) set.add(id);
    this.delivered.set(key, set);
    return Promise.resolve();
  }
  deliveredMessages(itemId: string, channel: string) {
    return Promise.resolve(new Set(this.delivered.get(`${itemId}|${channel}`) ?? []));
  }
  reschedule(item: OutboxItem) {
    if (this.outbox.has(item.id)) this.outbox.set(item.id, item);
    return Promise.resolve();
  }
  complete(itemId: string) {
    this.outbox.delete(itemId);
    this.done.add(itemId);
    return Promise.resolve();
  }
  setActiveLabels(id: string, labels: Labels | undefined) {
    if (labels === undefined) this.labels.delete(id);
    else this.labels.set(id, labels);
    return Promise.resolve();
  }
  activeLabels() {
    return Promise.resolve([...this.labels.values()]);
  }
  silences() {
    return Promise.resolve(this.silenceList);
  }
}
