import { describe, expect, it } from 'vitest';
import { alertsOf } from '../test-support/outputs.js';
import {
  T0,
  absenceRule,
  detection,
  event,
  eventCountRule,
  groupBy,
  isFailure,
  isSuccess,
  newTermsRule,
  temporalRule,
} from '../test-support/rules.js';
import { createEngine } from './create-engine.js';

const iso = (ms: number): string => new Date(T0 + ms).toISOString();

describe('chained correlations', () => {
  const rules = [
    detection('failure', isFailure),
    detection('success', isSuccess),
    eventCountRule('brute-force', { rules: ['failure'], condition: { gte: 3 }, generate: false }),
    // Listed before what it references: the engine orders rules topologically.
    temporalRule('compromise', { rules: ['brute-force', 'success'], ordered: true, timespanMs: 60_000 }),
  ];

  it('fires "success after a run of failures" (temporal_ordered over an event_count)', () => {
    const fails = [0, 1, 2].map((s) => event({ at: s * 1000, ip: 'x', outcome: 'failure' }));
    const ok = event({ at: 10_000, ip: 'x', user: 'root', outcome: 'success' });
    const engine = createEngine({ rules: [rules[3]!, ...rules.slice(0, 3)] }, { allowedLatenessMs: 0 });
    const alerts = alertsOf([...engine.pushMany([...fails, ok]), ...engine.flush()]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: { id: 'compromise', type: 'temporal_ordered', rules: ['brute-force', 'success'] },
      group: { 'source.ip': 'x' },
      window: { start: iso(2000), end: iso(10_000) },
      count: 2,
      evidence: { event_ids: [...fails, ok].map((e) => e.event.id) },
    });
  });

  it('needs the order: a success before the run of failures does not fire', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    const events = [
      event({ at: 0, ip: 'x', outcome: 'success' }),
      ...[1, 2, 3].map((s) => event({ at: s * 1000, ip: 'x', outcome: 'failure' })),
    ];
    expect(alertsOf([...engine.pushMany(events), ...engine.flush()])).toEqual([]);
  });

  it('needs the same group and the timespan', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    const events = [
      ...[0, 1, 2].map((s) => event({ at: s * 1000, ip: 'x', outcome: 'failure' })),
      event({ at: 5_000, ip: 'y', outcome: 'success' }),
      event({ at: 62_001, ip: 'x', outcome: 'success' }),
    ];
    expect(alertsOf([...engine.pushMany(events), ...engine.flush()])).toEqual([]);
  });

  it('temporal (unordered): every referenced rule within the span, in any order, per group', () => {
    const both = temporalRule('both', {
      rules: ['failure', 'success'],
      groupBy: groupBy('user.name'),
      timespanMs: 5_000,
    });
    const engine = createEngine({ rules: [rules[0]!, rules[1]!, both] }, { allowedLatenessMs: 0 });
    const events = [
      event({ at: 0, user: 'alice', outcome: 'success' }),
      event({ at: 1_000, user: 'bob', outcome: 'failure' }),
      event({ at: 4_000, user: 'alice', outcome: 'failure' }),
      event({ at: 20_000, user: 'bob', outcome: 'success' }),
    ];
    const alerts = alertsOf([...engine.pushMany(events), ...engine.flush()]);
    expect(alerts.map((a) => [a.group, a.window])).toEqual([
      [{ 'user.name': 'alice' }, { start: iso(0), end: iso(4_000) }],
    ]);
  });
});

describe('absence', () => {
  const rule = absenceRule('silent', { timespanMs: 60_000 });

  it('fires once when a group falls silent, as other sources move event time on; re-arms when it speaks', () => {
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 0, idleTimeoutMs: 30_000 });
    const outputs = engine.pushMany([
      event({ at: 0, host: 'db-1' }),
      event({ at: 10_000, host: 'db-1' }),
      ...[20, 40, 60, 70].map((s) => event({ at: s * 1000, host: 'web-1' })),
    ]);
    // Event time 70 s is the deadline itself: an event at 70 s from db-1 could still come.
    expect(alertsOf(outputs)).toEqual([]);
    const fired = alertsOf(engine.push(event({ at: 80_000, host: 'web-1' })));
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      '@timestamp': iso(70_000),
      rule: { type: 'absence' },
      group: { 'host.hostname': 'db-1' },
      window: { start: iso(10_000), end: iso(70_000) },
      count: 0,
    });
    expect(alertsOf(engine.push(event({ at: 100_000, host: 'web-1' })))).toEqual([]);
    engine.push(event({ at: 101_000, host: 'db-1' }));
    expect(alertsOf(engine.advanceTo(T0 + 161_001)).map((a) => a.group)).toEqual([
      { 'host.hostname': 'web-1' },
      { 'host.hostname': 'db-1' },
    ]);
  });

  it('an event exactly at the deadline still counts as speaking', () => {
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 0 });
    engine.pushMany([event({ at: 0, host: 'a' }), event({ at: 60_000, host: 'a' })]);
    expect(alertsOf(engine.advanceTo(T0 + 60_001))).toEqual([]);
  });

  it('at the end of a replay, fires for silences the replay proves (deadline <= newest event)', () => {
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 5_000 });
    engine.pushMany([
      event({ at: 0, host: 'a' }),
      event({ at: 30_000, host: 'b' }),
      event({ at: 60_000, host: 'c' }),
    ]);
    expect(alertsOf(engine.flush()).map((a) => a.group)).toEqual([{ 'host.hostname': 'a' }]);
  });
});

describe('new_terms', () => {
  const rule = newTermsRule('new-source', { fields: ['source.ip'], historyMs: 60_000 });
  const login = (at: number, user: string, ip: string) => event({ at, user, ip, outcome: 'success' });

  it('learns for historyMs first, then flags a value tuple not seen within the history', () => {
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 0 });
    const outputs = [
      ...engine.pushMany([login(0, 'alice', 'a'), login(30_000, 'alice', 'b'), login(50_000, 'alice', 'a')]),
      ...engine.pushMany([
        login(62_000, 'alice', 'c'),
        login(63_000, 'bob', 'c'),
        login(64_000, 'alice', 'c'),
      ]),
      ...engine.pushMany([login(200_000, 'alice', 'c')]),
      ...engine.flush(),
    ];
    const alerts = alertsOf(outputs);
    expect(alerts.map((a) => [a.group['user.name'], a.distinct?.values, a['@timestamp']])).toEqual([
      ['alice', ['c'], iso(62_000)],
      ['bob', ['c'], iso(63_000)],
      // Last seen 136 s earlier, beyond the 60 s history: new again.
      ['alice', ['c'], iso(200_000)],
    ]);
  });

  it('flags from the first event when learning is off', () => {
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 0, newTermsLearning: false });
    expect(alertsOf([...engine.push(login(0, 'alice', 'a')), ...engine.flush()])).toHaveLength(1);
  });
});

describe('signature', () => {
  it('alerts per matching event; with suppress, at most one per group per window', () => {
    const rule = detection('root-login', isSuccess, {
      generate: true,
      suppress: { groupBy: groupBy('user.name'), windowMs: 10_000 },
    });
    const engine = createEngine({ rules: [rule] }, { allowedLatenessMs: 0 });
    const events = [0, 1_000, 9_999, 10_000, 12_000].map((at) =>
      event({ at, user: 'root', outcome: 'success' }),
    );
    const alerts = alertsOf([
      ...engine.pushMany(
        [...events, event({ at: 2_000, user: 'bob', outcome: 'success' })].sort((a, b) =>
          a['@timestamp'].localeCompare(b['@timestamp']),
        ),
      ),
      ...engine.flush(),
    ]);
    expect(alerts.map((a) => [a.group['user.name'], a['@timestamp']])).toEqual([
      ['root', iso(0)],
      ['bob', iso(2_000)],
      ['root', iso(10_000)],
    ]);
    expect(engine.stats().operators[0]).toMatchObject({ suppressed: 3, alerts: 3 });
  });
});
