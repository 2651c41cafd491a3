/** One message to produce. `value: null` is a tombstone. */
export interface OutgoingMessage {
  readonly key?: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers?: Readonly<Record<string, string | Buffer>>;
  /** A fixed partition; otherwise the key picks it (murmur2, like the Java client), or round robin. */
  readonly partition?: number;
  /** Epoch milliseconds as a string (kafkajs' convention); the broker's time when absent. */
  readonly timestamp?: string;
}

/** A JSON message, keyed (e.g. by `source.ip`) so that related events land on the same partition. */
export function jsonMessage(value: unknown, key?: string | null): OutgoingMessage {
  return key === undefined ? { value: JSON.stringify(value) } : { key, value: JSON.stringify(value) };
}

/** Bytes a message adds to a request before compression (an estimate that errs on the large side). */
export function messageBytes(message: OutgoingMessage): number {
  let bytes = 64 + sizeOf(message.key) + sizeOf(message.value);
  if (message.headers !== undefined) {
    for (const [name, value] of Object.entries(message.headers))
      bytes += Buffer.byteLength(name) + sizeOf(value);
  }
  return bytes;
}

function sizeOf(value: string | Buffer | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
