import { describe, expect, it } from 'vitest';
import { alertSchema } from './alert.schema.js';
import { eventSchema } from './event.schema.js';
import { incidentSchema } from './incident.schema.js';

const event = {
  '@timestamp': '2026-11-27T08:00:01.000Z',
  event: {
    id: '0123456789abcdef',
    kind: 'event',
    category: ['authentication'],
    type: ['info'],
    action: 'ssh_login',
    outcome: 'failure',
    dataset: 'system.auth',
    original: 'Nov 27 08:00:01 web-01 sshd[42]: Failed password for root from 203.0.113.9 port 5555 ssh2',
  },
  vigil: { schema_version: 1 },
  source: { address: '203.0.113.9', ip: '203.0.113.9', port: 5555 },
  user: { name: 'root' },
  process: { name: 'sshd', pid: 42 },
  host: { hostname: 'web-01' },
  system: { auth: { ssh: { event: 'Failed', method: 'password' } } },
};

describe('eventSchema', () => {
  it('accepts an ECS sshd event and keeps vendor fields', () => {
    const parsed = eventSchema.parse(event);
    expect(parsed.system).toEqual({ auth: { ssh: { event: 'Failed', method: 'password' } } });
  });

  it('rejects an event without id, dataset or a valid timestamp, naming the path', () => {
    const result = eventSchema.safeParse({
      ...event,
      '@timestamp': 'yesterday',
      event: { ...event.event, id: '' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['@timestamp', 'event.id']));
  });

  it('rejects an out-of-range port', () => {
    expect(eventSchema.safeParse({ ...event, source: { port: 70000 } }).success).toBe(false);
  });
});

describe('alertSchema and incidentSchema', () => {
  const alert = {
    id: 'a'.repeat(32),
    '@timestamp': '2026-11-27T08:00:10.000Z',
    kind: 'alert',
    rule: { id: 'ssh-brute-force', title: 'SSH brute force', level: 'high', type: 'event_count' },
    severity: 73,
    group: { 'source.ip': '203.0.113.9' },
    window: { start: '2026-11-27T08:00:00.000Z', end: '2026-11-27T08:00:10.000Z' },
    count: 10,
    evidence: { event_ids: ['0123456789abcdef'] },
  };

  it('fills defaults on an alert', () => {
    const parsed = alertSchema.parse(alert);
    expect(parsed.rule.tags).toEqual([]);
    expect(parsed.evidence.truncated).toBe(false);
  });

  it('rejects a non-deterministic-looking alert id', () => {
    expect(alertSchema.safeParse({ ...alert, id: 'random-uuid' }).success).toBe(false);
  });

  it('accepts an incident with a timeline', () => {
    const incident = {
      id: 'b'.repeat(32),
      title: 'SSH brute force from 203.0.113.9',
      state: 'open',
      level: 'high',
      severity: 73,
      entity: { field: 'source.ip', value: '203.0.113.9' },
      alert_ids: [alert.id],
      rule_ids: ['ssh-brute-force'],
      tags: ['attack.t1110'],
      created_at: '2026-11-27T08:00:10.000Z',
      updated_at: '2026-11-27T08:00:10.000Z',
      first_seen: '2026-11-27T08:00:00.000Z',
      last_seen: '2026-11-27T08:00:10.000Z',
      timeline: [{ at: '2026-11-27T08:00:10.000Z', actor: 'system', action: 'opened', alert_id: alert.id }],
      version: 1,
    };
    expect(incidentSchema.parse(incident).state).toBe('open');
    expect(incidentSchema.safeParse({ ...incident, state: 'closed' }).success).toBe(false);
  });
});
