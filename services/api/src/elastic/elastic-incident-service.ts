import type { VersionedStore } from '@vigil/elastic';
import { reduceIncident, type IncidentCommand, type IncidentResult } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';
import type { IncidentService } from '../ports/incident-service.js';

const MAX_ATTEMPTS = 5;

/**
 * Incidents in Elasticsearch, changed with `@vigil/incidents`' reducer under optimistic concurrency
 * (seq_no/primary_term): a concurrent writer (the correlator attaching an alert) makes this re-read
 * and re-apply, never overwrite. Changes are announced through `onChange` (to `vigil.incidents`).
 */
export class ElasticIncidentService implements IncidentService {
  constructor(
    private readonly store: VersionedStore<Incident>,
    private readonly onChange: (incident: Incident) => Promise<void> = () => Promise.resolve(),
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Incident | undefined> {
    return (await this.store.get(id))?.value;
  }

  async apply(
    id: string,
    command: IncidentCommand,
    expectedVersion?: number,
  ): Promise<IncidentResult | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.get(id);
      if (current === undefined) return undefined;
      if (expectedVersion !== undefined && current.value.version !== expectedVersion) {
        return {
          ok: false,
          error: {
            code: 'INVALID_TRANSITION',
            message: `incident ${id} is at version ${current.value.version}, not ${expectedVersion}: reload it and try again`,
            status: 409,
          },
        };
      }
      const result = reduceIncident(current.value, command, new Date(this.now()));
      if (!result.ok || !result.changed) return result;
      const written = await this.store.replace(result.incident, current);
      if (written.ok) {
        await this.onChange(result.incident);
        return result;
      }
      if (attempt >= MAX_ATTEMPTS) {
        return {
          ok: false,
          error: {
            code: 'INVALID_TRANSITION',
            message: `incident ${id} keeps changing; try again`,
            status: 409,
          },
        };
      }
    }
  }
}
