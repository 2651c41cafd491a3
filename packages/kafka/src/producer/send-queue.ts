import { VigilError } from '@vigil/core';
import { messageBytes, type OutgoingMessage } from './outgoing-message.js';

export interface TopicBatch {
  readonly topic: string;
  readonly messages: readonly OutgoingMessage[];
}

export interface SendQueueOptions {
  /** How long a send waits for others to join its request. */
  readonly lingerMs: number;
  readonly maxBatchMessages: number;
  /** Uncompressed bytes per request; keep the compressed batch per partition under the broker's `message.max.bytes`. */
  readonly maxBatchBytes: number;
  /** A send not acknowledged by then fails with a retriable error (its messages may still arrive later). */
  readonly deliveryTimeoutMs: number;
}

interface Entry {
  readonly topic: string;
  readonly messages: readonly OutgoingMessage[];
  readonly bytes: number;
  settled: boolean;
  /** Still in the queue, not yet taken into a request. */
  queued: boolean;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
  /** Resolves (never rejects) once the entry is settled either way. */
  readonly done: Promise<void>;
  readonly markDone: () => void;
}

/** Failure to deliver before `deliveryTimeoutMs`: retriable, and the messages may still be written. */
export class KafkaDeliveryTimeoutError extends VigilError {
  constructor(timeoutMs: number) {
    super(`messages not acknowledged within ${timeoutMs} ms (they may still be delivered)`, {
      code: 'KAFKA_DELIVERY_TIMEOUT',
      retriable: true,
    });
  }
}

/**
 * Gathers the messages of many concurrent `send` calls into few produce requests, with exactly one
 * request in flight at a time: kafkajs' idempotent producer assigns sequence numbers per request, and
 * concurrent requests to one partition can fail with OUT_OF_ORDER_SEQUENCE_NUMBER (kafkajs#598).
 * While a request is in flight the next one fills up, which is the batching.
 */
export class SendQueue {
  private readonly queue: Entry[] = [];
  private readonly unsettled = new Set<Entry>();
  private inFlight = false;
  private lingerTimer: NodeJS.Timeout | undefined;
  private pending = 0;
  private queuedMessages = 0;
  private queuedBytes = 0;

  constructor(
    private readonly deliver: (batches: readonly TopicBatch[]) => Promise<void>,
    private readonly mapError: (error: unknown) => unknown,
    private readonly options: SendQueueOptions,
  ) {}

  /** Messages accepted but not yet acknowledged (queued or in flight): a backpressure signal. */
  get pendingMessages(): number {
    return this.pending;
  }

  /** Resolves when every message is acknowledged; one call may span several requests. */
  async enqueue(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await Promise.all(this.chunk(messages).map((chunk) => this.enqueueChunk(topic, chunk)));
  }

  /** Sends what is queued now, without waiting for the linger time, and waits until all of it is settled. */
  async flush(): Promise<void> {
    const waiting = [...this.unsettled].map((entry) => entry.done);
    this.drain(true);
    await Promise.all(waiting);
  }

  private chunk(messages: readonly OutgoingMessage[]): OutgoingMessage[][] {
    const chunks: OutgoingMessage[][] = [];
    let current: OutgoingMessage[] = [];
    let bytes = 0;
    for (const message of messages) {
      const size = messageBytes(message);
      if (
        current.length > 0 &&
        (current.length >= this.options.maxBatchMessages || bytes + size > this.options.maxBatchBytes)
      ) {
        chunks.push(current);
        current = [];
        bytes = 0;
      }
      current.push(message);
      bytes += size;
    }
    chunks.push(current);
    return chunks;
  }

  private enqueueChunk(topic: string, messages: OutgoingMessage[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let bytes = 0;
      for (const message of messages) bytes += messageBytes(message);
      let markDone = (): void => undefined;
      const done = new Promise<void>((settled) => {
        markDone = settled;
      });
      const timeout = this.options.deliveryTimeoutMs;
      const entry: Entry = {
        topic,
        messages,
        bytes,
        settled: false,
        queued: true,
        resolve,
        reject,
        timer: setTimeout(() => this.settle(entry, new KafkaDeliveryTimeoutError(timeout)), timeout),
        done,
        markDone,
      };
      this.queue.push(entry);
      this.queuedMessages += messages.length;
      this.queuedBytes += bytes;
      this.unsettled.add(entry);
      this.pending += messages.length;
      this.drain(this.isFull());
    });
  }

  private isFull(): boolean {
    return (
      this.queuedMessages >= this.options.maxBatchMessages || this.queuedBytes >= this.options.maxBatchBytes
    );
  }

  private dequeue(entry: Entry): void {
    entry.queued = false;
    this.queuedMessages -= entry.messages.length;
    this.queuedBytes -= entry.bytes;
  }

  private settle(entry: Entry, error?: unknown): void {
    if (entry.settled) return;
    entry.settled = true;
    clearTimeout(entry.timer);
    this.pending -= entry.messages.length;
    this.unsettled.delete(entry);
    if (entry.queued) {
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.dequeue(entry);
    }
    if (error === undefined) entry.resolve();
    else entry.reject(error);
    entry.markDone();
  }

  private drain(now: boolean): void {
    if (this.inFlight || this.queue.length === 0) return;
    if (!now) {
      this.lingerTimer ??= setTimeout(() => {
        this.lingerTimer = undefined;
        this.drain(true);
      }, this.options.lingerMs);
      return;
    }
    if (this.lingerTimer !== undefined) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = undefined;
    }
    this.inFlight = true;
    void this.send(this.take()).finally(() => {
      this.inFlight = false;
      // Whatever queued up meanwhile has waited long enough.
      this.drain(true);
    });
  }

  /** Whole entries from the head of the queue, up to the request limits (at least one). */
  private take(): Entry[] {
    let count = 0;
    let messages = 0;
    let bytes = 0;
    for (const entry of this.queue) {
      const fits =
        messages + entry.messages.length <= this.options.maxBatchMessages &&
        bytes + entry.bytes <= this.options.maxBatchBytes;
      if (count > 0 && !fits) break;
      count++;
      messages += entry.messages.length;
      bytes += entry.bytes;
    }
    const taken = this.queue.splice(0, count);
    for (const entry of taken) this.dequeue(entry);
    return taken;
  }

  private async send(entries: Entry[]): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const entry of entries) {
      const list = byTopic.get(entry.topic);
      if (list === undefined) byTopic.set(entry.topic, [...entry.messages]);
      else list.push(...entry.messages);
    }
    try {
      await this.deliver([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      for (const entry of entries) this.settle(entry);
    } catch (error) {
      const mapped = this.mapError(error);
      for (const entry of entries) this.settle(entry, mapped);
    }
  }
}
