import type { IncidentCommand, IncidentResult } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';

/**
 * Reads and changes incidents. `apply` runs `@vigil/incidents`' reducer under optimistic
 * concurrency: with `expectedVersion`, a stale version is a 409 instead of a lost update.
 */
export interface IncidentService {
  get(id: string): Promise<Incident | undefined>;
  apply(id: string, command: IncidentCommand, expectedVersion?: number): Promise<IncidentResult | undefined>;
}
