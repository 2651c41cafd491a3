import type { VigilEvent } from '@vigil/schema';

export interface RoutableEvent {
  readonly event: VigilEvent;
  /** `@timestamp` in ms. */
  readonly ts: number;
}

/**
 * The checks the rule engine applies before it takes an event (a time, an id, a dataset), so the
 * router refuses exactly what the engine would. The reason comes back as a string otherwise.
 */
export function readRoutableEvent(raw: unknown): RoutableEvent | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not an object';
  const r = raw as { '@timestamp'?: unknown; event?: { id?: unknown; dataset?: unknown } | null };
  const stamp = r['@timestamp'];
  if (typeof stamp !== 'string') return 'missing @timestamp';
  const ts = Date.parse(stamp);
  if (Number.isNaN(ts)) return `unparsable @timestamp ${JSON.stringify(stamp.slice(0, 64))}`;
  if (typeof r.event !== 'object' || r.event === null) return 'missing event';
  if (typeof r.event.id !== 'string' || r.event.id === '') return 'missing event.id';
  if (typeof r.event.dataset !== 'string' || r.event.dataset === '') return 'missing event.dataset';
  return { event: raw as VigilEvent, ts };
}
