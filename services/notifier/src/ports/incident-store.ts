import type { Incident } from '@vigil/schema';

/**
 * Where incidents live (Elasticsearch `vigil-incidents` in production), with optimistic
 * concurrency: `update` succeeds only if the stored version is still `expectedVersion`. Only
 * reads by id (real-time in Elasticsearch): which incidents an entity has is NotifierState's.
 */
export interface IncidentStore {
  get(id: string): Promise<Incident | undefined>;
  /** `exists` when an incident with this id is already stored (a replay, or another writer won). */
  create(incident: Incident): Promise<'created' | 'exists'>;
  update(incident: Incident, expectedVersion: number): Promise<'updated' | 'conflict'>;
}

/** Publishes every incident change (Kafka `vigil.incidents`, keyed by incident id). */
export interface IncidentPublisher {
  publish(incident: Incident): Promise<void>;
}
