import { isUtf8 } from 'node:buffer';
import type { OutgoingMessage } from '@vigil/kafka';
import type { Alert, DeadLetter } from '@vigil/schema';
import type { LateCopy } from '../partition/partition-state.js';

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });

/** An alert on the alerts topic, keyed by its (deterministic) id: consumers and Elasticsearch dedupe by it. */
export function alertRecord(alert: Alert): OutgoingMessage {
  return { key: alert.id, value: JSON.stringify(alert), headers: JSON_HEADERS };
}

/** A late event copy on the late topic, keyed by event id, with how late it was and for which family. */
export function lateRecord(late: LateCopy, now: number): OutgoingMessage {
  return {
    key: late.event.event.id,
    value: JSON.stringify({
      '@timestamp': new Date(now).toISOString(),
      lateness_ms: late.latenessMs,
      watermark: late.watermark,
      family: late.family,
      event: late.event,
    }),
    headers: JSON_HEADERS,
  };
}

export interface DeadLetterInput {
  readonly code: string;
  readonly reason: string;
  readonly origin?: { readonly topic: string; readonly partition: number; readonly offset: string };
  readonly original: Buffer | null;
  readonly now: number;
}

/** A message the correlator could not use, on the dead-letter topic (`deadLetterSchema`, stage `correlate`). */
export function deadLetterRecord(input: DeadLetterInput): OutgoingMessage {
  const bytes = input.original ?? Buffer.alloc(0);
  const utf8 = isUtf8(bytes);
  const letter: DeadLetter = {
    '@timestamp': new Date(input.now).toISOString(),
    reason: input.reason,
    code: input.code,
    stage: 'correlate',
    ...(input.origin === undefined ? {} : { origin: { ...input.origin } }),
    original: utf8 ? bytes.toString('utf8') : bytes.toString('base64'),
    encoding: utf8 ? 'utf8' : 'base64',
  };
  return { key: null, value: JSON.stringify(letter), headers: JSON_HEADERS };
}
