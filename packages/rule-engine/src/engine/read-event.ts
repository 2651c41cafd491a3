import { parseTimestamp } from '../time/parse-timestamp.js';

/**
 * The checks the engine itself needs (a time, an id, a dataset), cheap enough for the hot path.
 * Full schema validation belongs upstream (the parser). Returns `@timestamp` in ms, or the reason
 * the event is refused as a string (no object per event).
 */
export function readEvent(raw: unknown): number | string {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as { '@timestamp'?: unknown; event?: { id?: unknown; dataset?: unknown } };
  const stamp = r['@timestamp'];
  if (typeof stamp !== 'string') return 'missing @timestamp';
  const ts = parseTimestamp(stamp);
  if (Number.isNaN(ts)) return `unparsable @timestamp ${JSON.stringify(stamp.slice(0, 64))}`;
  if (typeof r.event !== 'object' || (r.event as unknown) === null) return 'missing event';
  if (typeof r.event.id !== 'string' || r.event.id === '') return 'missing event.id';
  if (typeof r.event.dataset !== 'string' || r.event.dataset === '') return 'missing event.dataset';
  return ts;
}
