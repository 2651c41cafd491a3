import type { BulkDocument, IndexNames } from '@vigil/elastic';

/** Which daily index family a topic's documents go to. */
export type DocumentKind = 'events' | 'alerts';

export type ToDocument =
  | { readonly ok: true; readonly doc: BulkDocument<Record<string, unknown>> }
  | { readonly ok: false; readonly code: 'invalid_json' | 'invalid_document'; readonly reason: string };

/** The `_id` of a document: the event's id, or the alert's (both deterministic, so writes are idempotent). */
function idOf(kind: DocumentKind, doc: Record<string, unknown>): unknown {
  if (kind === 'alerts') return doc['id'];
  const event = doc['event'];
  return typeof event === 'object' && event !== null ? (event as Record<string, unknown>)['id'] : undefined;
}

/**
 * A consumed message → the bulk write of its document: into the daily index of its own
 * `@timestamp` (so a replay writes to the same index), `create` with its deterministic id (a second
 * write is a harmless 409). What cannot be indexed comes back as data, for the dead-letter topic.
 */
export function toBulkDocument(kind: DocumentKind, value: Buffer | null, names: IndexNames): ToDocument {
  if (value === null) return { ok: false, code: 'invalid_document', reason: 'message without a value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, code: 'invalid_json', reason: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, code: 'invalid_document', reason: 'not a JSON object' };
  }
  const doc = parsed as Record<string, unknown>;
  const id = idOf(kind, doc);
  if (typeof id !== 'string' || id.length === 0 || Buffer.byteLength(id) > 512) {
    return {
      ok: false,
      code: 'invalid_document',
      reason: `no usable ${kind === 'alerts' ? 'id' : 'event.id'}`,
    };
  }
  const stamp = doc['@timestamp'];
  const ms = typeof stamp === 'string' ? Date.parse(stamp) : Number.NaN;
  if (Number.isNaN(ms)) return { ok: false, code: 'invalid_document', reason: 'no valid @timestamp' };
  return { ok: true, doc: { index: names.daily(kind, new Date(ms)), id, op: 'create', document: doc } };
}
