import type { IncidentResult } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';
import { VigilError } from '@vigil/core';
import type { IncidentPublisher, IncidentStore } from '../ports/incident-store.js';

const MAX_CONFLICTS = 10;

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly incident: Incident; readonly previous: Incident }
  | { readonly kind: 'unchanged'; readonly incident: Incident }
  | { readonly kind: 'refused'; readonly result: Extract<IncidentResult, { ok: false }> }
  | { readonly kind: 'missing' };

/**
 * Applies a change to a stored incident with optimistic concurrency: read, reduce, write if the
 * version is unchanged, else read again and redo (another writer — the API, a webhook — won).
 * A saved change is published to `vigil.incidents`.
 */
export async function saveIncidentChange(
  store: IncidentStore,
  publisher: IncidentPublisher,
  id: string,
  change: (current: Incident) => IncidentResult,
): Promise<SaveOutcome> {
  for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
    const current = await store.get(id);
    if (current === undefined) return { kind: 'missing' };
    const result = change(current);
    if (!result.ok) return { kind: 'refused', result };
    if (!result.changed) return { kind: 'unchanged', incident: current };
    if ((await store.update(result.incident, current.version)) === 'updated') {
      await publisher.publish(result.incident);
      return { kind: 'saved', incident: result.incident, previous: current };
    }
  }
  throw new VigilError(`incident ${id}: still conflicting after ${MAX_CONFLICTS} attempts`, {
    code: 'INCIDENT_CONFLICT',
    retriable: true,
  });
}
