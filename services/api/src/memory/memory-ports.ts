import { MemoryAuditSink, type AuditSink } from '@vigil/auth';
import type { GroupingConfigInput } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';
import type { ApiPorts } from '../ports/api-ports.js';
import { CountingRuleCatalog, type LoadedRules } from './counting-rule-catalog.js';
import { MemoryLiveFeed } from './memory-live-feed.js';
import { MemorySearchBackend } from './memory-search-backend.js';
import { MemorySilenceStore } from './memory-silence-store.js';
import { MemoryStore } from './memory-store.js';

export interface MemoryPortsOptions {
  readonly loadRules?: () => Promise<LoadedRules>;
  readonly audit?: AuditSink;
  readonly grouping?: GroupingConfigInput;
  readonly maxEvents?: number;
  readonly now?: () => number;
  /** Called for every incident change (persistence of the embedded `vigil run`). */
  readonly onIncident?: (incident: Incident) => void;
}

export interface MemoryPorts {
  readonly ports: ApiPorts;
  /** Feed it events and alerts (the embedded pipeline of `vigil run`, tests). */
  readonly store: MemoryStore;
  readonly live: MemoryLiveFeed;
  readonly rules: CountingRuleCatalog;
  readonly silences: MemorySilenceStore;
}

/** Every port of the API in process memory: the API without Kafka or Elasticsearch. */
export function createMemoryPorts(options: MemoryPortsOptions = {}): MemoryPorts {
  const live = new MemoryLiveFeed();
  const rules = new CountingRuleCatalog(
    options.loadRules ?? (() => Promise.resolve({ rules: [], errors: [] })),
  );
  const store = new MemoryStore({
    live,
    onAlert: (alert) => rules.recordAlert(alert),
    ...(options.grouping === undefined ? {} : { grouping: options.grouping }),
    ...(options.maxEvents === undefined ? {} : { maxEvents: options.maxEvents }),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.onIncident === undefined ? {} : { onIncident: options.onIncident }),
  });
  const silences = new MemorySilenceStore();
  const search = new MemorySearchBackend(store.sources, undefined, options.now);
  const ports: ApiPorts = {
    search,
    incidents: store,
    silences,
    rules,
    audit: options.audit ?? new MemoryAuditSink(),
    live,
  };
  return { ports, store, live, rules, silences };
}
