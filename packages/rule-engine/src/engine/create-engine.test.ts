import { alertSchema } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import {
  T0,
  detection,
  event,
  eventCountRule,
  groupBy,
  isFailure,
  valueCountRule,
} from '../test-support/rules.js';
import { alertsOf } from '../test-support/outputs.js';
import { createEngine } from './create-engine.js';

const failures = detection('ssh-failure', isFailure);
const bruteForce = eventCountRule('brute-force', {
  rules: ['ssh-failure'],
  timespanMs: 60_000,
  condition: { gte: 3 },
});

function run(rules: Parameters<typeof createEngine>[0]['rules'], events: readonly unknown[]) {
  const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
  return [...engine.pushMany(events), ...engine.flush()];
}

describe('createEngine: event_count', () => {
  it('fires at the event that reaches the count, then only after a fresh run (window cleared)', () => {
    const events = [0, 1, 2, 3, 4, 5].map((s) => event({ at: s * 1000, ip: '10.0.0.9', outcome: 'failure' }));
    const alerts = alertsOf(run([failures, bruteForce], events));
    expect(alerts).toHaveLength(2);
    const [first, second] = alerts;
    expect(first?.['@timestamp']).toBe(new Date(T0 + 2000).toISOString());
    expect(first?.evidence.event_ids).toEqual(events.slice(0, 3).map((e) => e.event.id));
    expect(second?.evidence.event_ids).toEqual(events.slice(3, 6).map((e) => e.event.id));
    expect(first).toMatchObject({
      kind: 'alert',
      rule: { id: 'brute-force', type: 'event_count', version: '1', level: 'high', rules: ['ssh-failure'] },
      severity: 73,
      group: { 'source.ip': '10.0.0.9' },
      count: 3,
      window: { start: new Date(T0).toISOString(), end: new Date(T0 + 2000).toISOString() },
      datasets: ['system.auth'],
      evidence: { truncated: false },
      summary: { 'source.ip': '10.0.0.9', 'host.hostname': 'web-1', 'event.outcome': 'failure' },
    });
    expect(() => alertSchema.parse(first)).not.toThrow();
    expect(first?.id).toMatch(/^[0-9a-f]{32}$/);
    expect(first?.id).not.toBe(second?.id);
  });

  it('slides: events that left the window (t - span, t] no longer count', () => {
    const at = [0, 50_000, 60_000, 120_000, 150_000, 179_999];
    const events = at.map((ms) => event({ at: ms, ip: '10.0.0.9', outcome: 'failure' }));
    const alerts = alertsOf(run([failures, bruteForce], events));
    // At 60 s the event at 0 has left (0 <= 60 s - 60 s); at 179.999 s: 120, 150, 179.999 are in.
    expect(alerts.map((a) => a['@timestamp'])).toEqual([new Date(T0 + 179_999).toISOString()]);
    expect(alerts[0]?.window.start).toBe(new Date(T0 + 120_000).toISOString());
  });

  it('counts per group and ignores events the detection does not match', () => {
    const events = [
      event({ at: 0, ip: 'a', outcome: 'failure' }),
      event({ at: 1, ip: 'b', outcome: 'failure' }),
      event({ at: 2, ip: 'a', outcome: 'success' }),
      event({ at: 3, ip: 'a', outcome: 'failure' }),
      event({ at: 4, ip: 'b', outcome: 'failure' }),
      event({ at: 5, ip: 'a', outcome: 'failure' }),
    ];
    const alerts = alertsOf(run([failures, bruteForce], events));
    expect(alerts.map((a) => a.group)).toEqual([{ 'source.ip': 'a' }]);
  });

  it('caps evidence at maxEvidence, keeping the most recent ids, and flags it', () => {
    const rule = eventCountRule('many', { rules: ['ssh-failure'], condition: { gte: 5 } });
    const engine = createEngine({ rules: [failures, rule] }, { maxEvidence: 2, allowedLatenessMs: 0 });
    const events = [0, 1, 2, 3, 4].map((n) => event({ at: n, ip: 'x', outcome: 'failure' }));
    const [alert] = alertsOf([...engine.pushMany(events), ...engine.flush()]);
    expect(alert?.count).toBe(5);
    expect(alert?.evidence).toEqual({ event_ids: events.slice(3).map((e) => e.event.id), truncated: true });
  });
});

describe('createEngine: value_count', () => {
  const spray = valueCountRule('password-spray', {
    rules: ['ssh-failure'],
    field: 'user.name',
    groupBy: groupBy('source.ip'),
    timespanMs: 60_000,
    condition: { gte: 3 },
  });

  it('counts distinct values per group; repeats of a value do not count twice', () => {
    const users = ['root', 'root', 'admin', 'root', 'oracle', 'guest'];
    const events = users.map((user, i) => event({ at: i * 1000, ip: '10.9.9.9', user, outcome: 'failure' }));
    const alerts = alertsOf(run([failures, spray], events));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.distinct).toEqual({ field: 'user.name', values: ['admin', 'root', 'oracle'] });
    expect(alerts[0]?.count).toBe(3);
    // One event per distinct value, at its latest occurrence, oldest first.
    expect(alerts[0]?.evidence.event_ids).toEqual([events[2], events[3], events[4]].map((e) => e?.event.id));
  });

  it('lets values expire out of the sliding window', () => {
    const events = [
      event({ at: 0, ip: 's', user: 'a', outcome: 'failure' }),
      event({ at: 30_000, ip: 's', user: 'b', outcome: 'failure' }),
      event({ at: 61_000, ip: 's', user: 'c', outcome: 'failure' }),
      event({ at: 62_000, ip: 's', user: 'd', outcome: 'failure' }),
    ];
    const alerts = alertsOf(run([failures, spray], events));
    expect(alerts.map((a) => a.distinct?.values)).toEqual([['b', 'c', 'd']]);
  });

  it('ignores matches whose value is missing', () => {
    const events = [0, 1, 2].map((at) => event({ at, ip: 's', outcome: 'failure' }));
    expect(alertsOf(run([failures, spray], events))).toEqual([]);
  });
});

describe('createEngine: inputs and rules as data', () => {
  it('turns bad events into invalid outputs and keeps going', () => {
    const engine = createEngine({ rules: [failures, bruteForce] }, { allowedLatenessMs: 0 });
    const good = event({ at: 0, ip: 'x', outcome: 'failure' });
    const outputs = engine.pushMany([
      null,
      'line',
      { '@timestamp': 'yesterday', event: {} },
      { ...good, event: {} },
      good,
    ]);
    expect(outputs.flatMap((o) => (o.kind === 'invalid' ? [o.reason] : []))).toEqual([
      'not an object',
      'not an object',
      'unparsable @timestamp "yesterday"',
      'missing event.id',
    ]);
    expect(engine.stats()).toMatchObject({ invalid: 4, events: 1 });
  });

  it('reports a throwing predicate as a rule_error and still runs the other rules', () => {
    const broken = detection('broken', () => {
      throw new Error('boom');
    });
    const engine = createEngine({ rules: [broken, failures, bruteForce] }, { allowedLatenessMs: 0 });
    const events = [0, 1, 2].map((at) => event({ at, ip: 'x', outcome: 'failure' }));
    const outputs = [...engine.pushMany(events), ...engine.flush()];
    expect(outputs.filter((o) => o.kind === 'rule_error')).toHaveLength(3);
    expect(outputs.find((o) => o.kind === 'rule_error')).toMatchObject({ ruleId: 'broken', message: 'boom' });
    expect(alertsOf(outputs)).toHaveLength(1);
  });

  it('runs only the predicates whose datasets can match', () => {
    let calls = 0;
    const zeek = detection('zeek-only', () => (calls++, false), { datasets: ['zeek.conn'] });
    const anyDataset = detection('any', () => (calls++, false), { datasets: [] });
    const engine = createEngine({ rules: [zeek, anyDataset] }, { allowedLatenessMs: 0 });
    engine.pushMany([0, 1, 2].map((at) => event({ at })));
    engine.flush();
    expect(calls).toBe(3);
  });

  it('refuses bad rules as problems: duplicates, unknown references, cycles, impossible conditions', () => {
    const engine = createEngine({
      rules: [
        failures,
        failures,
        eventCountRule('dangling', { rules: ['nope'] }),
        eventCountRule('c1', { rules: ['c2'] }),
        eventCountRule('c2', { rules: ['c1'] }),
        eventCountRule('never', { rules: ['ssh-failure'], condition: { gte: 5, lt: 3 } }),
        eventCountRule('zero-span', { rules: ['ssh-failure'], timespanMs: 0 }),
        eventCountRule('by-name', { rules: ['ssh-failure'] }),
      ],
    });
    expect(engine.problems.map((p) => p.ruleId).sort()).toEqual([
      'c1',
      'c2',
      'dangling',
      'never',
      'ssh-failure',
      'zero-span',
    ]);
    expect(engine.problems.find((p) => p.ruleId === 'dangling')?.message).toContain('nope');
    expect(engine.stats().operators.map((o) => o.ruleId)).toEqual(['ssh-failure', 'by-name']);
  });

  it('resolves references by rule name as well as by id', () => {
    const named = { ...failures, meta: { ...failures.meta, id: '5f0c-uuid', name: 'ssh_failure' } };
    const rule = eventCountRule('bf', { rules: ['ssh_failure'] });
    const events = [0, 1, 2].map((at) => event({ at, ip: 'x', outcome: 'failure' }));
    expect(alertsOf(run([named, rule], events))).toHaveLength(1);
  });
});
