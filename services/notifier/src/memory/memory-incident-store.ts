import type { Incident } from '@vigil/schema';
import type { IncidentPublisher, IncidentStore } from '../ports/incident-store.js';

/** An IncidentStore in process memory (tests, benchmarks, single-process demos). */
export class MemoryIncidentStore implements IncidentStore {
  readonly incidents = new Map<string, Incident>();

  get(id: string): Promise<Incident | undefined> {
    return Promise.resolve(this.incidents.get(id));
  }

  create(incident: Incident): Promise<'created' | 'exists'> {
    if (this.incidents.has(incident.id)) return Promise.resolve('exists');
    this.incidents.set(incident.id, incident);
    return Promise.resolve('created');
  }

  update(incident: Incident, expectedVersion: number): Promise<'updated' | 'conflict'> {
    const stored = this.incidents.get(incident.id);
    if (stored?.version !== expectedVersion) return Promise.resolve('conflict');
    this.incidents.set(incident.id, incident);
    return Promise.resolve('updated');
  }
}

export class MemoryPublisher implements IncidentPublisher {
  readonly published: Incident[] = [];

  publish(incident: Incident): Promise<void> {
    this.published.push(incident);
    return Promise.resolve();
  }
}
