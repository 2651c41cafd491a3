import type { OutgoingMessage } from '@vigil/kafka';
import { EVENT_SCHEMA_VERSION, type VigilEvent } from '@vigil/schema';
import { eventKey } from './event-key.js';

/** Header names on `vigil.events`: consumers can route or skip without parsing the JSON value. */
export const EVENT_HEADERS = {
  dataset: 'vigil-dataset',
  schemaVersion: 'vigil-schema-version',
} as const;

const SCHEMA_VERSION = Buffer.from(String(EVENT_SCHEMA_VERSION));

// Encoded once per dataset: kafkajs would otherwise turn the same strings into Buffers for every
// record, and its protocol encoding is most of the ingestor's CPU (see the README's benchmark).
const headerCache = new Map<string, Readonly<Record<string, Buffer>>>();

function headersFor(dataset: string): Readonly<Record<string, Buffer>> {
  let headers = headerCache.get(dataset);
  if (headers === undefined) {
    headers = Object.freeze({
      [EVENT_HEADERS.dataset]: Buffer.from(dataset),
      [EVENT_HEADERS.schemaVersion]: SCHEMA_VERSION,
    });
    // Datasets are a short list; the bound only guards against a parser gone wrong.
    if (headerCache.size < 1_000) headerCache.set(dataset, headers);
  }
  return headers;
}

/** The produce record of one normalized event. */
export function eventRecord(event: VigilEvent): OutgoingMessage {
  return { key: eventKey(event), value: JSON.stringify(event), headers: headersFor(event.event.dataset) };
}
