import type { IncidentContext, EscalationState, Labels, NotificationGroup, Silence } from '@vigil/routing';

export type TimerKind = 'group' | 'escalation';

export interface DueTimer {
  readonly kind: TimerKind;
  readonly id: string;
  readonly dueMs: number;
}

/** A notification decided but not yet (fully) delivered: the outbox makes a decision survive a crash. */
export interface OutboxItem {
  /** Deterministic (group flush or page id, plus receiver): enqueueing it twice is a no-op. */
  readonly id: string;
  readonly receiver: string;
  readonly reason: 'initial' | 'update' | 'repeat' | 'escalation';
  readonly incidentIds: readonly string[];
  readonly escalation?: {
    readonly policy: string;
    readonly level: number;
    readonly cycle: number;
    readonly person?: string;
  };
  readonly createdMs: number;
  readonly attempts: number;
  readonly nextAttemptMs: number;
}

/**
 * Everything the notifier must remember across restarts (Redis in production): notification
 * groups, escalations, timers, the outbox with per-message delivery marks, what was paged, and
 * the labels of live incidents (inhibition sources).
 */
export interface NotifierState {
  /** Ids of the latest incidents about an entity, newest first (at most 10 kept). */
  entityIncidents(field: string, value: string): Promise<string[]>;
  addEntityIncident(field: string, value: string, incidentId: string): Promise<void>;

  getContext(incidentId: string): Promise<IncidentContext | undefined>;
  setContext(incidentId: string, context: IncidentContext): Promise<void>;

  getGroup(key: string): Promise<NotificationGroup | undefined>;
  putGroup(group: NotificationGroup): Promise<void>;
  deleteGroup(key: string): Promise<void>;
  /** Keys of the groups an incident was ever put in (so state changes reach the same receivers). */
  groupsOf(incidentId: string): Promise<string[]>;
  addGroupMembership(incidentId: string, key: string): Promise<void>;

  getEscalation(incidentId: string): Promise<EscalationState | undefined>;
  putEscalation(state: EscalationState): Promise<void>;

  /** Receivers paged by escalation for an incident: they hear about acknowledge and resolve too. */
  pagedReceivers(incidentId: string): Promise<string[]>;
  addPagedReceiver(incidentId: string, receiver: string): Promise<void>;

  schedule(kind: TimerKind, id: string, dueMs: number): Promise<void>;
  unschedule(kind: TimerKind, id: string): Promise<void>;
  dueTimers(nowMs: number, limit: number): Promise<DueTimer[]>;

  /** Adds the item unless it is pending or was completed; true when added. */
  enqueue(item: OutboxItem): Promise<boolean>;
  pendingOutbox(nowMs: number, limit: number): Promise<OutboxItem[]>;
  /** Records messages delivered through one channel of an item, so a retry skips them. */
  markDelivered(itemId: string, channel: string, messageIds: readonly string[]): Promise<void>;
  deliveredMessages(itemId: string, channel: string): Promise<Set<string>>;
  reschedule(item: OutboxItem): Promise<void>;
  /** Removes the item and remembers it was done (enqueue of the same id is refused from then on). */
  complete(itemId: string): Promise<void>;

  setActiveLabels(incidentId: string, labels: Labels | undefined): Promise<void>;
  activeLabels(): Promise<Labels[]>;

  silences(): Promise<Silence[]>;
}
