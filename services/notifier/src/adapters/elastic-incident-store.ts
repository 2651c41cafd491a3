import type { VersionedStore } from '@vigil/elastic';
import type { Incident } from '@vigil/schema';
import type { IncidentStore } from '../ports/incident-store.js';

/**
 * Incidents in Elasticsearch (`<prefix>-incidents`) through @vigil/elastic's VersionedStore: the
 * version check on `Incident.version` is made safe by writing with the `_seq_no`/`_primary_term`
 * that were read, so two writers can never both win.
 */
export class ElasticIncidentStore implements IncidentStore {
  constructor(private readonly documents: VersionedStore<Incident>) {}

  async get(id: string): Promise<Incident | undefined> {
    return (await this.documents.get(id))?.value;
  }

  async create(incident: Incident): Promise<'created' | 'exists'> {
    return (await this.documents.create(incident)).ok ? 'created' : 'exists';
  }

  async update(incident: Incident, expectedVersion: number): Promise<'updated' | 'conflict'> {
    const current = await this.documents.get(incident.id);
    if (current?.value.version !== expectedVersion) return 'conflict';
    return (await this.documents.replace(incident, current)).ok ? 'updated' : 'conflict';
  }
}
