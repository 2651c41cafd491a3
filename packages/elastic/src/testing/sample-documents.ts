import { sha256Id } from '@vigil/core';
import type { Alert, Incident, VigilEvent } from '@vigil/schema';

/** A schema-valid sshd failure event, as the ingestor would produce it. */
export function sampleEvent(
  overrides: { id?: string; timestamp?: string; sourceIp?: string } = {},
): VigilEvent {
  const ip = overrides.sourceIp ?? '203.0.113.7';
  const original = `<38>May  1 10:00:00 web-1 sshd[4242]: Failed password for root from ${ip} port 52144 ssh2`;
  return {
    '@timestamp': overrides.timestamp ?? '2024-05-01T10:00:00.000Z',
    message: `Failed password for root from ${ip} port 52144 ssh2`,
    event: {
      id: overrides.id ?? sha256Id(original).slice(0, 16),
      kind: 'event',
      category: ['authentication'],
      type: ['start'],
      action: 'ssh_login',
      outcome: 'failure',
      dataset: 'system.auth',
      original,
    },
    vigil: { schema_version: 1, parser: 'sshd' },
    host: { hostname: 'web-1' },
    source: { ip, port: 52144 },
    user: { name: 'root' },
    process: { name: 'sshd', pid: 4242 },
    related: { ip: [ip], user: ['root'] },
  };
}

/** A schema-valid alert with a deterministic id. */
export function sampleAlert(suffix = 'a'): Alert {
  return {
    id: sha256Id('rule-1', '1', suffix),
    '@timestamp': '2024-05-01T10:05:00.000Z',
    kind: 'alert',
    rule: {
      id: 'rule-1',
      title: 'SSH brute force',
      level: 'high',
      type: 'event_count',
      version: '1',
      tags: [],
    },
    severity: 73,
    group: { 'source.ip': '203.0.113.7', 'host.port': 22 },
    window: { start: '2024-05-01T10:00:00.000Z', end: '2024-05-01T10:05:00.000Z' },
    count: 12,
    evidence: { event_ids: ['e1', 'e2'], truncated: false },
    datasets: ['system.auth'],
  };
}

/** A schema-valid open incident with a deterministic id. */
export function sampleIncident(suffix = 'i'): Incident {
  const at = '2024-05-01T10:05:00.000Z';
  return {
    id: sha256Id('source.ip', '203.0.113.7', suffix),
    title: 'SSH brute force from 203.0.113.7',
    state: 'open',
    level: 'high',
    severity: 73,
    entity: { field: 'source.ip', value: '203.0.113.7' },
    alert_ids: [sampleAlert().id],
    rule_ids: ['rule-1'],
    tags: [],
    created_at: at,
    updated_at: at,
    first_seen: at,
    last_seen: at,
    timeline: [{ at, actor: 'system', action: 'opened' }],
    version: 1,
  };
}
