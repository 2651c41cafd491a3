import { stableId } from '@vigil/core';
import type { VigilEvent } from '@vigil/schema';
import type {
  AbsenceRule,
  CountCondition,
  DetectionRule,
  EventCountRule,
  EventPredicate,
  GroupBy,
  GroupValue,
  NewTermsRule,
  RuleMeta,
  TemporalRule,
  ValueCountRule,
} from '../model/compiled-rule.js';

/** Test helpers: compiled rules built directly (no Sigma), predicates as closures. */

export const T0 = Date.parse('2026-03-01T00:00:00.000Z');

export function meta(id: string, version = '1'): RuleMeta {
  return {
    id,
    title: `rule ${id}`,
    level: 'high',
    version,
    tags: ['attack.t1110'],
    source: { file: `${id}.yml`, line: 1 },
  };
}

export interface EventSpec {
  /** ms after T0 */
  readonly at: number;
  readonly dataset?: string;
  readonly host?: string;
  readonly ip?: string;
  readonly user?: string;
  readonly outcome?: 'success' | 'failure';
  readonly port?: number;
  /** Distinguishes otherwise equal events. */
  readonly n?: number;
}

export function event(spec: EventSpec): VigilEvent {
  const dataset = spec.dataset ?? 'system.auth';
  const host = spec.host ?? 'web-1';
  const original = `${spec.at} ${dataset} ${host} ${spec.ip ?? ''} ${spec.user ?? ''} ${spec.outcome ?? ''} ${spec.port ?? ''} ${spec.n ?? 0}`;
  return {
    '@timestamp': new Date(T0 + spec.at).toISOString(),
    event: {
      id: stableId(original),
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      dataset,
      original,
      ...(spec.outcome === undefined ? {} : { outcome: spec.outcome }),
    },
    vigil: { schema_version: 1 },
    host: { hostname: host },
    ...(spec.ip === undefined ? {} : { source: { ip: spec.ip } }),
    ...(spec.port === undefined ? {} : { destination: { port: spec.port } }),
    ...(spec.user === undefined ? {} : { user: { name: spec.user } }),
  };
}

/** A dotted ECS path read from an event; missing is null. */
export function field(path: string): (event: VigilEvent) => GroupValue {
  const parts = path.split('.');
  return (event) => {
    let value: unknown = event;
    for (const part of parts) {
      if (typeof value !== 'object' || value === null) return null;
      value = (value as Record<string, unknown>)[part];
    }
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : null;
  };
}

export function groupBy(...paths: string[]): GroupBy {
  const getters = paths.map(field);
  return { names: paths, valuesOf: (_ruleId, event) => getters.map((get) => get(event)) };
}

export const isFailure: EventPredicate = (e) => e.event.outcome === 'failure';
export const isSuccess: EventPredicate = (e) => e.event.outcome === 'success';

export function detection(
  id: string,
  match: EventPredicate,
  extra: Partial<DetectionRule> = {},
): DetectionRule {
  return { type: 'signature', meta: meta(id), datasets: ['system.auth'], match, generate: false, ...extra };
}

interface CorrelationSpec {
  readonly rules: readonly string[];
  readonly groupBy?: GroupBy;
  readonly timespanMs?: number;
  readonly generate?: boolean;
  readonly version?: string;
}

export function eventCountRule(
  id: string,
  spec: CorrelationSpec & { condition?: CountCondition },
): EventCountRule {
  return {
    type: 'event_count',
    meta: meta(id, spec.version),
    rules: spec.rules,
    groupBy: spec.groupBy ?? groupBy('source.ip'),
    timespanMs: spec.timespanMs ?? 60_000,
    generate: spec.generate ?? true,
    condition: spec.condition ?? { gte: 3 },
  };
}

export function valueCountRule(
  id: string,
  spec: CorrelationSpec & { field: string; condition?: CountCondition },
): ValueCountRule {
  const get = field(spec.field);
  return {
    type: 'value_count',
    meta: meta(id, spec.version),
    rules: spec.rules,
    groupBy: spec.groupBy ?? groupBy('source.ip'),
    timespanMs: spec.timespanMs ?? 60_000,
    generate: spec.generate ?? true,
    field: spec.field,
    valueOf: (_ruleId, e) => get(e),
    condition: spec.condition ?? { gte: 3 },
  };
}

export function temporalRule(
  id: string,
  spec: CorrelationSpec & { ordered?: boolean; condition?: CountCondition },
): TemporalRule {
  return {
    type: spec.ordered === true ? 'temporal_ordered' : 'temporal',
    meta: meta(id, spec.version),
    rules: spec.rules,
    groupBy: spec.groupBy ?? groupBy('source.ip'),
    timespanMs: spec.timespanMs ?? 60_000,
    generate: spec.generate ?? true,
    ...(spec.condition === undefined ? {} : { condition: spec.condition }),
  };
}

export function absenceRule(
  id: string,
  spec: { timespanMs: number; groupBy?: GroupBy; datasets?: string[] },
): AbsenceRule {
  return {
    type: 'absence',
    meta: meta(id),
    datasets: spec.datasets ?? [],
    match: () => true,
    groupBy: spec.groupBy ?? groupBy('host.hostname'),
    timespanMs: spec.timespanMs,
    generate: true,
  };
}

export function newTermsRule(
  id: string,
  spec: { fields: string[]; historyMs: number; groupBy?: GroupBy },
): NewTermsRule {
  const getters = spec.fields.map(field);
  return {
    type: 'new_terms',
    meta: meta(id),
    datasets: ['system.auth'],
    match: isSuccess,
    groupBy: spec.groupBy ?? groupBy('user.name'),
    fields: spec.fields,
    valuesOf: (e) => getters.map((get) => get(e)),
    historyMs: spec.historyMs,
    generate: true,
  };
}
