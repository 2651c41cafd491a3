import {
  entityOf,
  groupAlert,
  groupingConfigSchema,
  reduceIncident,
  type GroupingConfig,
  type GroupingConfigInput,
  type IncidentCommand,
  type IncidentResult,
} from '@vigil/incidents';
import type { SearchIndex } from '@vigil/query';
import type { Alert, Incident, VigilEvent } from '@vigil/schema';
import type { IncidentService } from '../ports/incident-service.js';
import type { DocSource } from './memory-search-backend.js';
import type { MemoryLiveFeed } from './memory-live-feed.js';

export interface MemoryStoreOptions {
  readonly live?: MemoryLiveFeed;
  /** Oldest events are dropped past this many (alerts and incidents are kept). */
  readonly maxEvents?: number;
  readonly grouping?: GroupingConfigInput;
  readonly now?: () => number;
  /** Called for every stored alert, e.g. to count rule hits. */
  readonly onAlert?: (alert: Alert) => void;
  /** Called for every incident change, e.g. to keep incidents on disk (`vigil run`). */
  readonly onIncident?: (incident: Incident) => void;
}

export interface StoreSnapshot {
  readonly events: Iterable<VigilEvent>;
  readonly alerts: Iterable<Alert>;
  /** Any versions, in any order: the highest version of each incident wins. */
  readonly incidents: Iterable<Incident>;
}

/**
 * An in-process store of events, alerts and incidents: what the API runs on without Kafka and
 * Elasticsearch. Alerts are grouped into incidents with `@vigil/incidents`, and every new alert and
 * incident change is published to the live feed, as the Kafka pipeline would.
 */
export class MemoryStore implements IncidentService {
  private events: VigilEvent[] = [];
  private readonly alerts = new Map<string, Alert>();
  private readonly incidents = new Map<string, Incident>();
  private readonly grouping: GroupingConfig;
  private readonly maxEvents: number;
  private readonly now: () => number;

  constructor(private readonly options: MemoryStoreOptions = {}) {
    this.grouping = groupingConfigSchema.parse(options.grouping ?? {});
    this.maxEvents = options.maxEvents ?? 200_000;
    this.now = options.now ?? Date.now;
  }

  readonly sources: Readonly<Record<SearchIndex, DocSource>> = {
    events: () => this.events,
    alerts: () => this.alerts.values() as Iterable<Record<string, unknown>>,
    incidents: () => this.incidents.values() as Iterable<Record<string, unknown>>,
  };

  addEvents(events: readonly VigilEvent[]): void {
    this.events.push(...events);
    if (this.events.length > this.maxEvents)
      this.events = this.events.slice(this.events.length - this.maxEvents);
  }

  /**
   * Loads what a previous run kept (no live messages, no hooks): incidents as they were last saved,
   * then alerts; an alert no incident lists (the run stopped in between) is grouped again.
   */
  restore(snapshot: StoreSnapshot): void {
    for (const incident of snapshot.incidents) {
      const known = this.incidents.get(incident.id);
      if (known === undefined || known.version < incident.version) this.incidents.set(incident.id, incident);
    }
    const filed = new Set<string>();
    for (const incident of this.incidents.values()) for (const id of incident.alert_ids) filed.add(id);
    const orphans: Alert[] = [];
    for (const alert of snapshot.alerts) {
      if (this.alerts.has(alert.id)) continue;
      if (!filed.has(alert.id)) {
        orphans.push(alert);
        continue;
      }
      this.alerts.set(alert.id, alert);
      this.options.onAlert?.(alert);
    }
    this.addEvents([...snapshot.events]);
    for (const alert of orphans) this.addAlert(alert);
  }

  /** Stores an alert and files it into an incident; returns the incident it joined or opened. */
  addAlert(alert: Alert): Incident | undefined {
    if (this.alerts.has(alert.id)) return undefined;
    this.alerts.set(alert.id, alert);
    this.options.onAlert?.(alert);
    this.options.live?.publish({ type: 'alert', alert });
    const entity = entityOf(alert, this.grouping.entityFields);
    const candidates = [...this.incidents.values()].filter(
      (incident) => incident.entity.field === entity.field && incident.entity.value === entity.value,
    );
    const outcome = groupAlert(alert, candidates, this.grouping, new Date(this.now()));
    if (outcome.kind === 'opened' || outcome.kind === 'attached') {
      this.save(outcome.incident);
      return outcome.incident;
    }
    return outcome.kind === 'duplicate' ? outcome.incident : undefined;
  }

  get(id: string): Promise<Incident | undefined> {
    return Promise.resolve(this.incidents.get(id));
  }

  apply(id: string, command: IncidentCommand, expectedVersion?: number): Promise<IncidentResult | undefined> {
    const incident = this.incidents.get(id);
    if (incident === undefined) return Promise.resolve(undefined);
    if (expectedVersion !== undefined && incident.version !== expectedVersion) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'INVALID_TRANSITION',
          message: `incident ${id} is at version ${incident.version}, not ${expectedVersion}: reload it and try again`,
          status: 409,
        },
      });
    }
    const result = reduceIncident(incident, command, new Date(this.now()));
    if (result.ok && result.changed) this.save(result.incident);
    return Promise.resolve(result);
  }

  private save(incident: Incident): void {
    this.incidents.set(incident.id, incident);
    this.options.onIncident?.(incident);
    this.options.live?.publish({ type: 'incident', incident });
  }
}
