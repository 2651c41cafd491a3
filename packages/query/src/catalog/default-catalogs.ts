import { FieldCatalog, type FieldType } from './field-catalog.js';

const k = 'keyword' as const;
const n = 'number' as const;

function endpoint(prefix: string): Record<string, FieldType> {
  return {
    [`${prefix}.address`]: k,
    [`${prefix}.ip`]: 'ip',
    [`${prefix}.domain`]: k,
    [`${prefix}.port`]: n,
    [`${prefix}.mac`]: k,
    [`${prefix}.bytes`]: n,
    [`${prefix}.packets`]: n,
    [`${prefix}.user.name`]: k,
  };
}

/**
 * Events: the ECS subset of `@vigil/schema`'s event, typed as the `vigil-events` index maps it
 * (`message` analysed as text, `event.original` stored but not searchable, as in ECS; addresses as
 * `ip`). Vendor namespaces are open.
 */
export const eventsCatalog = new FieldCatalog({
  name: 'events',
  timeField: '@timestamp',
  idField: 'event.id',
  defaultFields: ['message'],
  fields: {
    '@timestamp': 'date',
    message: 'text',
    tags: k,
    'event.id': k,
    'event.kind': k,
    'event.category': k,
    'event.type': k,
    'event.action': k,
    'event.outcome': k,
    'event.dataset': k,
    'event.module': k,
    'event.provider': k,
    'event.ingested': 'date',
    'event.severity': n,
    'event.reason': k,
    'event.duration': n,
    'vigil.parser': k,
    'vigil.truncated': 'boolean',
    'host.hostname': k,
    'host.name': k,
    'host.ip': 'ip',
    ...endpoint('source'),
    ...endpoint('destination'),
    ...endpoint('client'),
    ...endpoint('server'),
    'network.transport': k,
    'network.protocol': k,
    'network.direction': k,
    'network.type': k,
    'network.bytes': n,
    'network.packets': n,
    'network.community_id': k,
    'user.name': k,
    'user.id': k,
    'user.domain': k,
    'user.email': k,
    'user.roles': k,
    'user.target.name': k,
    'user.effective.name': k,
    'group.name': k,
    'group.id': k,
    'process.name': k,
    'process.pid': n,
    'process.command_line': k,
    'process.executable': k,
    'http.request.method': k,
    'http.response.status_code': n,
    'http.response.bytes': n,
    'url.original': k,
    'url.path': k,
    'url.domain': k,
    'user_agent.original': k,
    'log.level': k,
    'log.file.path': k,
    'log.syslog.hostname': k,
    'log.syslog.appname': k,
    'rule.name': k,
    'rule.id': k,
    'error.message': k,
    'related.ip': 'ip',
    'related.user': k,
    'related.hosts': k,
  },
  prefixes: {
    'labels.': k,
    'zeek.': k,
    'aws.': k,
    'nginx.': k,
    'system.': k,
    'cloud.': k,
    'observer.': k,
  },
});

/** Alerts as `@vigil/schema`'s Alert. */
export const alertsCatalog = new FieldCatalog({
  name: 'alerts',
  timeField: '@timestamp',
  idField: 'id',
  defaultFields: ['rule.title'],
  fields: {
    id: k,
    '@timestamp': 'date',
    kind: k,
    'rule.id': k,
    'rule.title': 'text',
    'rule.level': k,
    'rule.type': k,
    'rule.version': k,
    'rule.tags': k,
    'rule.rules': k,
    severity: n,
    'window.start': 'date',
    'window.end': 'date',
    count: n,
    'distinct.field': k,
    'distinct.values': k,
    'evidence.event_ids': k,
    'evidence.truncated': 'boolean',
    datasets: k,
  },
  prefixes: { 'group.': k, 'summary.': k },
});

/** Incidents as `@vigil/schema`'s Incident (the timeline is not searchable: it is read per incident). */
export const incidentsCatalog = new FieldCatalog({
  name: 'incidents',
  timeField: 'updated_at',
  idField: 'id',
  defaultFields: ['title'],
  fields: {
    id: k,
    title: 'text',
    state: k,
    level: k,
    severity: n,
    severity_override: n,
    'entity.field': k,
    'entity.value': k,
    alert_ids: k,
    rule_ids: k,
    tags: k,
    assignee: k,
    created_at: 'date',
    updated_at: 'date',
    first_seen: 'date',
    last_seen: 'date',
    acknowledged_at: 'date',
    resolved_at: 'date',
    version: n,
  },
});

export const SEARCH_INDEXES = ['events', 'alerts', 'incidents'] as const;
export type SearchIndex = (typeof SEARCH_INDEXES)[number];

export const defaultCatalogs: Readonly<Record<SearchIndex, FieldCatalog>> = {
  events: eventsCatalog,
  alerts: alertsCatalog,
  incidents: incidentsCatalog,
};
