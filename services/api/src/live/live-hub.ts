import type { LiveFeed, LiveMessage } from '../ports/live-feed.js';

export interface LiveEvent {
  /** Monotonically increasing, also across restarts (it starts from the boot time). */
  readonly id: number;
  readonly type: LiveMessage['type'];
  readonly data: unknown;
}

export type LiveListener = (event: LiveEvent) => void;

export interface Resume {
  /** Buffered events after the client's Last-Event-ID. */
  readonly replay: readonly LiveEvent[];
  /** The client missed events that are no longer buffered: it should refetch instead. */
  readonly gap: boolean;
}

/**
 * Numbers live messages and keeps the most recent ones in a bounded ring buffer, so a client that
 * reconnects with `Last-Event-ID` gets what it missed (or is told it missed too much).
 */
export class LiveHub {
  private readonly ring: (LiveEvent | undefined)[];
  private next: number;
  private count = 0;
  private readonly listeners = new Set<LiveListener>();
  private readonly unsubscribe: () => void;

  constructor(feed: LiveFeed, capacity = 1000, bootMs = Date.now()) {
    this.ring = new Array<LiveEvent | undefined>(capacity).fill(undefined);
    // Ids of a later process start above any id this one can reach at up to 1000 events per ms of uptime.
    this.next = bootMs * 1000 + 1;
    this.unsubscribe = feed.subscribe((message) => this.publish(message));
  }

  private publish(message: LiveMessage): void {
    const data = message.type === 'alert' ? message.alert : message.incident;
    const event: LiveEvent = { id: this.next++, type: message.type, data };
    this.ring[this.count % this.ring.length] = event;
    this.count++;
    for (const listener of this.listeners) listener(event);
  }

  /** Events after `lastEventId`, oldest first. */
  resume(lastEventId: number): Resume {
    const buffered = Math.min(this.count, this.ring.length);
    const events: LiveEvent[] = [];
    for (let i = this.count - buffered; i < this.count; i++) {
      const event = this.ring[i % this.ring.length];
      if (event !== undefined && event.id > lastEventId) events.push(event);
    }
    // Ids are contiguous: anything between the client's id and the oldest buffered one was dropped
    // from the ring (or belongs to an earlier process).
    const firstBuffered = this.next - buffered;
    return { replay: events, gap: lastEventId < firstBuffered - 1 };
  }

  /** The id the next event will get minus one: what "now" is for a new subscriber. */
  lastId(): number {
    return this.next - 1;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
