import type { OutgoingMessage } from '@vigil/kafka';
import { EVENT_SCHEMA_VERSION, type VigilEvent } from '@vigil/schema';
import { eventKey } from './event-key.js';

/** Header names on `vigil.events`: consumers can route or skip without parsing the JSON. */
export const EVENT_HEADERS = {
  dataset: 'vigil-dataset',
  schemaVersion: 'vigil-schema-version',
  contentType: 'content-type',
} as const;

// kafkajs only reads headers, so one frozen object per dataset serves every message.
const headerCache = new Map<string, Readonly<Record<string, string>>>();

function headersFor(dataset: string): Readonly<Record<string, string>> {
  let headers = headerCache.get(dataset);
  if (headers === undefined) {
    headers = Object.freeze({
      [EVENT_HEADERS.dataset]: dataset,
      [EVENT_HEADERS.schemaVersion]: String(EVENT_SCHEMA_VERSION),
      [EVENT_HEADERS.contentType]: 'application/json',
    });
    if (headerCache.size < 1_000) headerCache.set(dataset, headers);
  }
  return headers;
}

/** The produce record of one normalized event. */
export function eventRecord(event: VigilEvent): OutgoingMessage {
  return { key: eventKey(event), value: JSON.stringify(event), headers: headersFor(event.event.dataset) };
}
