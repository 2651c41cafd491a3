import type { AuditSink } from '@vigil/auth';
import type { IncidentService } from './incident-service.js';
import type { LiveFeed } from './live-feed.js';
import type { RuleCatalog } from './rule-catalog.js';
import type { SearchBackend } from './search-backend.js';
import type { SilenceStore } from './silence-store.js';

/** Everything the API needs from the rest of Vigil, as interfaces: memory, Elasticsearch or Kafka behind them. */
export interface ApiPorts {
  readonly search: SearchBackend;
  readonly incidents: IncidentService;
  readonly silences: SilenceStore;
  readonly rules: RuleCatalog;
  readonly audit: AuditSink;
  readonly live: LiveFeed;
}
