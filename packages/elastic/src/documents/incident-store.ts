import type { Client } from '@elastic/elasticsearch';
import { incidentSchema, type Incident } from '@vigil/schema';
import { IndexNames } from '../indices/index-names.js';
import { VersionedStore } from './versioned-store.js';

/** Incidents in `<prefix>-incidents`, validated on read, with optimistic concurrency. */
export function createIncidentStore(
  client: Client,
  options: { indexPrefix: string; refresh?: boolean | 'wait_for' },
): VersionedStore<Incident> {
  return new VersionedStore<Incident>(client, new IndexNames(options.indexPrefix).incidents, {
    parse: (source) => incidentSchema.parse(source),
    ...(options.refresh === undefined ? {} : { refresh: options.refresh }),
  });
}
