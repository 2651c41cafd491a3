import type { GroupBy } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';

const MARK = '\u0001vigil-probe:';
const DECOY = '\u0001vigil-decoy';

/**
 * Fields a mapping may read instead of (or before) the one named: set to a decoy in the second
 * probe, so a name read from the first present of several fields is caught.
 */
const DECOY_FIELDS = [
  'source.ip',
  'source.address',
  'client.ip',
  'client.address',
  'destination.ip',
  'destination.address',
  'server.ip',
  'host.hostname',
  'host.name',
  'observer.hostname',
  'user.name',
  'user.target.name',
  'user.effective.name',
  'source.user.name',
  'related.ip',
  'related.user',
] as const;

function setField(event: Record<string, unknown>, field: string, value: string): void {
  let node = event;
  const parts = field.split('.');
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      node[part] = value;
      return;
    }
    const existing = node[part];
    const next =
      typeof existing === 'object' && existing !== null ? (existing as Record<string, unknown>) : {};
    node[part] = next;
    node = next;
  });
}

/** A minimal event whose `field` holds a value no real event has; with decoys in other fields or not. */
function probeEvent(field: string, decoys: boolean): VigilEvent {
  const event: Record<string, unknown> = {
    '@timestamp': '1970-01-01T00:00:00.000Z',
    event: { id: 'probe', kind: 'event', category: [], type: [], dataset: 'probe', original: '' },
    vigil: { schema_version: 1 },
  };
  if (decoys) for (const decoy of DECOY_FIELDS) if (decoy !== field) setField(event, decoy, DECOY);
  setField(event, field, `${MARK}${field}`);
  return event as unknown as VigilEvent;
}

/**
 * Whether a group-by reads each of `fields` from the event field of the same name, for every input
 * rule: then two rules grouping by `source.ip` agree on every event, and routing by the field keeps
 * each of their keys on one partition. Sigma aliases and field mappings (a name read from another
 * field, or from the first present of several) fail the probe; the caller then routes by a constant.
 */
export function readsPlainFields(
  groupBy: GroupBy,
  inputs: readonly string[],
  fields: readonly string[],
): boolean {
  for (const field of fields) {
    const index = groupBy.names.indexOf(field);
    if (index < 0) return false;
    for (const event of [probeEvent(field, false), probeEvent(field, true)]) {
      for (const input of inputs) {
        let value: unknown;
        try {
          value = groupBy.valuesOf(input, event)[index];
        } catch {
          return false;
        }
        if (value !== `${MARK}${field}`) return false;
      }
    }
  }
  return true;
}
