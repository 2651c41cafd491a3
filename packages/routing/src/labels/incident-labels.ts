import { effectiveLevel, effectiveSeverity } from '@vigil/incidents';
import type { Incident } from '@vigil/schema';
import type { Labels } from './labels.js';
import type { HostGroups } from './host-groups.js';

/** What the notifier remembers about an incident's alerts beyond the incident document itself. */
export interface IncidentContext {
  readonly datasets?: readonly string[];
  readonly hosts?: readonly string[];
}

const HOST_FIELDS = new Set(['host.hostname', 'host.name']);

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))].sort();
}

/** The routing labels of an incident (see LABEL_NAMES for what each means). */
export function incidentLabels(
  incident: Incident,
  context: IncidentContext = {},
  hostGroups?: HostGroups,
): Labels {
  const hosts = unique([
    ...(context.hosts ?? []),
    ...(HOST_FIELDS.has(incident.entity.field) ? [incident.entity.value] : []),
  ]);
  return {
    level: [effectiveLevel(incident)],
    severity: [String(effectiveSeverity(incident))],
    state: [incident.state],
    rule_id: unique(incident.rule_ids),
    tag: unique(incident.tags),
    dataset: unique(context.datasets ?? []),
    entity: [incident.entity.value],
    entity_field: [incident.entity.field],
    host: hosts,
    host_group: hostGroups === undefined ? [] : hostGroups.groupsOf(hosts),
    incident: [incident.id],
  };
}

/** The hosts an alert names in its group, for IncidentContext. */
export function alertHosts(group: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const field of HOST_FIELDS) {
    const value = group[field];
    if (typeof value === 'string' && value !== '') out.push(value);
  }
  return out;
}

/** Merges what a new alert adds to an incident's context (sorted, de-duplicated). */
export function mergeContext(a: IncidentContext, b: IncidentContext): IncidentContext {
  return {
    datasets: unique([...(a.datasets ?? []), ...(b.datasets ?? [])]),
    hosts: unique([...(a.hosts ?? []), ...(b.hosts ?? [])]),
  };
}
