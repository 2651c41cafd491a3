import type { OutgoingMessage } from '@vigil/kafka';
import type { DeadLetter } from '@vigil/schema';
import { isUtf8 } from 'node:buffer';

export const DEAD_LETTER_HEADERS = { code: 'vigil-dead-letter-code', stage: 'vigil-stage' } as const;

export interface DeadLetterInput {
  readonly code: string;
  readonly reason: string;
  readonly stage: DeadLetter['stage'];
  readonly origin: { readonly topic: string; readonly partition: number; readonly offset: string };
  /** The raw message value as consumed (null for a tombstone). */
  readonly original: Buffer | null;
  /** When Kafka got the message (epoch ms): the dead letter's time, so replays give the same record. */
  readonly timestampMs: number;
}

/**
 * What `vigil.deadletter` carries: `deadLetterSchema` plus `original_bytes` and `original_truncated`
 * when the original was longer than `maxBytes` (a dead letter must stay below the broker's message
 * size limit, so a 1 MB line keeps its first `maxBytes` only).
 */
export type DeadLetterRecord = DeadLetter & { original_bytes?: number; original_truncated?: true };

/** The last UTF-8 character boundary at or before `end` (never splits a multi-byte character). */
function utf8Boundary(bytes: Buffer, end: number): number {
  let cut = end;
  // Continuation bytes are 10xxxxxx: step back to the lead byte of the character that was cut.
  while (cut > 0 && cut < bytes.length && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return cut;
}

export function deadLetter(input: DeadLetterInput, maxBytes: number): DeadLetterRecord {
  const bytes = input.original ?? Buffer.alloc(0);
  const utf8 = isUtf8(bytes);
  const kept =
    bytes.length <= maxBytes ? bytes : bytes.subarray(0, utf8 ? utf8Boundary(bytes, maxBytes) : maxBytes);
  const record: DeadLetterRecord = {
    '@timestamp': new Date(input.timestampMs).toISOString(),
    reason: input.reason,
    code: input.code,
    stage: input.stage,
    origin: { topic: input.origin.topic, partition: input.origin.partition, offset: input.origin.offset },
    original: utf8 ? kept.toString('utf8') : kept.toString('base64'),
    encoding: utf8 ? 'utf8' : 'base64',
  };
  if (kept.length < bytes.length) {
    record.original_bytes = bytes.length;
    record.original_truncated = true;
  }
  return record;
}

/** The produce record: keyed by origin, so a replayed failure lands beside its first copy. */
export function deadLetterRecord(input: DeadLetterInput, maxBytes: number): OutgoingMessage {
  const { origin } = input;
  return {
    key: `${origin.topic}/${origin.partition}/${origin.offset}`,
    value: JSON.stringify(deadLetter(input, maxBytes)),
    headers: { [DEAD_LETTER_HEADERS.code]: input.code, [DEAD_LETTER_HEADERS.stage]: input.stage },
  };
}
