import { sha256Id } from '@vigil/core';
import { LEVEL_SEVERITY, type Alert, type VigilEvent } from '@vigil/schema';
import type { CompiledRule, GroupValue } from '../model/compiled-rule.js';
import { groupObject } from '../state/group-key.js';

export interface AlertParts {
  /** Event time at which the rule fired. */
  readonly ts: number;
  readonly groupNames: readonly string[];
  readonly groupValues: readonly GroupValue[];
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly count: number;
  /** Evidence event ids, oldest first; the alert keeps the most recent `maxEvidence`. */
  readonly evidence: readonly string[];
  readonly datasets: readonly string[];
  readonly distinct?: { readonly field: string; readonly values: readonly string[] };
  /** The event that made the rule fire, for the summary. */
  readonly event?: VigilEvent;
}

const SUMMARY_FIELDS: readonly (readonly [string, (e: VigilEvent) => unknown])[] = [
  ['host.hostname', (e) => e.host?.hostname],
  ['source.ip', (e) => e.source?.ip],
  ['destination.ip', (e) => e.destination?.ip],
  ['destination.port', (e) => e.destination?.port],
  ['user.name', (e) => e.user?.name],
  ['event.action', (e) => e.event.action],
  ['event.outcome', (e) => e.event.outcome],
  ['process.name', (e) => e.process?.name],
];

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The one place alerts are made. The id is sha256 of rule id, rule version, the group values as
 * JSON and the evidence ids in processing order ((time, event id) order, so the same for any
 * arrival order within lateness): replays give identical ids.
 */
export function buildAlert(rule: CompiledRule, parts: AlertParts, maxEvidence: number): Alert {
  const truncated = parts.evidence.length > maxEvidence;
  const evidence = truncated
    ? parts.evidence.slice(parts.evidence.length - maxEvidence)
    : [...parts.evidence];
  const meta = rule.meta;
  const alert: Alert = {
    id: sha256Id(meta.id, meta.version, JSON.stringify(parts.groupValues), evidence.join(',')),
    '@timestamp': iso(parts.ts),
    kind: 'alert',
    rule: {
      id: meta.id,
      title: meta.title,
      level: meta.level,
      type: rule.type,
      version: meta.version,
      tags: [...meta.tags],
      ...(meta.description === undefined ? {} : { description: meta.description }),
      ...('rules' in rule ? { rules: [...rule.rules] } : {}),
    },
    severity: LEVEL_SEVERITY[meta.level],
    group: groupObject(parts.groupNames, parts.groupValues),
    window: { start: iso(parts.windowStart), end: iso(parts.windowEnd) },
    count: parts.count,
    evidence: { event_ids: evidence, truncated },
    datasets: [...new Set(parts.datasets)].sort(),
  };
  if (parts.distinct !== undefined) {
    alert.distinct = { field: parts.distinct.field, values: [...parts.distinct.values] };
  }
  if (parts.event !== undefined) alert.summary = summarize(parts.event);
  return alert;
}

function summarize(event: VigilEvent): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [name, get] of SUMMARY_FIELDS) {
    const value = get(event);
    if (value !== undefined) summary[name] = value;
  }
  return summary;
}

/** A group value as a string, for `distinct.values`. */
export function valueText(value: GroupValue): string {
  return value === null ? 'null' : String(value);
}
