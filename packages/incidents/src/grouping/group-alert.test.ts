import { incidentSchema, type Incident } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { alertFixture, minutesAfter } from '../testing/alert-fixture.js';
import { incidentId } from '../entity/incident-id.js';
import { reduceIncident } from '../lifecycle/reduce-incident.js';
import { groupAlert } from './group-alert.js';
import { groupingConfigSchema } from './grouping-config.schema.js';

const config = groupingConfigSchema.parse({ windowMs: 30 * 60_000 });
const now = new Date('2026-03-01T10:05:00.000Z');
const T0 = '2026-03-01T10:00:00.000Z';

/** Feeds alerts through groupAlert like the notifier does, keeping incidents by id. */
function run(alerts: ReturnType<typeof alertFixture>[]): {
  incidents: Map<string, Incident>;
  kinds: string[];
} {
  const incidents = new Map<string, Incident>();
  const kinds: string[] = [];
  for (const alert of alerts) {
    const outcome = groupAlert(alert, [...incidents.values()], config, now);
    kinds.push(outcome.kind);
    if (outcome.kind === 'opened' || outcome.kind === 'attached')
      incidents.set(outcome.incident.id, outcome.incident);
  }
  return { incidents, kinds };
}

describe('groupAlert', () => {
  it('groups 10 alerts on one entity into one incident with a deterministic id', () => {
    const alerts = Array.from({ length: 10 }, (_, n) => alertFixture({ n, at: minutesAfter(T0, n) }));
    const { incidents, kinds } = run(alerts);
    expect(kinds).toEqual(['opened', ...Array<string>(9).fill('attached')]);
    expect(incidents.size).toBe(1);
    const incident = [...incidents.values()][0]!;
    expect(incidentSchema.parse(incident)).toEqual(incident);
    expect(incident.id).toBe(incidentId({ field: 'source.ip', value: '203.0.113.7' }, alerts[0]!.id));
    expect(incident.alert_ids).toHaveLength(10);
    expect(incident.version).toBe(10);
    expect(incident.first_seen).toBe(T0);
    expect(incident.last_seen).toBe(minutesAfter(T0, 9));
    expect(incident.tags).toEqual(['attack.credential_access', 'attack.t1110']);
  });

  it('picks the first configured entity field present in the group', () => {
    const alert = alertFixture({
      group: { 'host.hostname': 'web-1', 'user.name': 'root', 'source.ip': null },
    });
    const outcome = groupAlert(alert, [], config, now);
    expect(outcome.entity).toEqual({ field: 'user.name', value: 'root' });
    const ruleOnly = groupAlert(alertFixture({ group: { 'process.name': 'x' } }), [], config, now);
    expect(ruleOnly.entity).toEqual({ field: 'rule.id', value: 'ssh-brute-force' });
  });

  it('keeps different entities apart', () => {
    const { incidents } = run([
      alertFixture({ n: 1, group: { 'source.ip': '198.51.100.1' } }),
      alertFixture({ n: 2, group: { 'source.ip': '198.51.100.2' } }),
      alertFixture({ n: 3, group: { 'source.ip': '198.51.100.1' } }),
    ]);
    expect([...incidents.values()].map((i) => i.alert_ids.length).sort()).toEqual([1, 2]);
  });

  it('opens a new incident once the window has passed', () => {
    const { incidents, kinds } = run([
      alertFixture({ n: 1, at: T0 }),
      alertFixture({ n: 2, at: minutesAfter(T0, 29) }),
      alertFixture({ n: 3, at: minutesAfter(T0, 29 + 31) }),
    ]);
    expect(kinds).toEqual(['opened', 'attached', 'opened']);
    expect(incidents.size).toBe(2);
  });

  it('lets an acknowledged incident absorb alerts but not a resolved one', () => {
    const first = groupAlert(alertFixture({ n: 1 }), [], config, now);
    if (first.kind !== 'opened') throw new Error(first.kind);
    const acked = reduceIncident(first.incident, { type: 'acknowledge', actor: 'alice' }, now);
    if (!acked.ok) throw new Error(acked.error.message);
    const second = groupAlert(alertFixture({ n: 2, at: minutesAfter(T0, 1) }), [acked.incident], config, now);
    expect(second.kind).toBe('attached');
    if (second.kind !== 'attached') return;
    expect(second.incident.state).toBe('acknowledged');

    const resolved = reduceIncident(second.incident, { type: 'resolve', actor: 'alice' }, now);
    if (!resolved.ok) throw new Error(resolved.error.message);
    const third = groupAlert(
      alertFixture({ n: 3, at: minutesAfter(T0, 2) }),
      [resolved.incident],
      config,
      now,
    );
    expect(third.kind).toBe('opened');
    if (third.kind === 'opened') expect(third.incident.id).not.toBe(resolved.incident.id);
  });

  it('recognises a replayed alert, even in a resolved incident', () => {
    const alert = alertFixture({ n: 1 });
    const first = groupAlert(alert, [], config, now);
    if (first.kind !== 'opened') throw new Error(first.kind);
    expect(groupAlert(alert, [first.incident], config, now).kind).toBe('duplicate');
    const resolved = reduceIncident(first.incident, { type: 'resolve', actor: 'bob' }, now);
    if (!resolved.ok) throw new Error(resolved.error.message);
    const again = groupAlert(alert, [resolved.incident], config, now);
    expect(again).toMatchObject({ kind: 'duplicate', incident: { id: first.incident.id } });
  });

  it('raises severity and level to the highest alert and merges rules and ATT&CK tags', () => {
    const { incidents } = run([
      alertFixture({ n: 1, level: 'medium', tags: ['attack.t1110', 'cve.2024-1'] }),
      alertFixture({
        n: 2,
        level: 'critical',
        ruleId: 'priv-esc',
        tags: ['attack.T1548.003', 'attack.privilege_escalation'],
      }),
      alertFixture({ n: 3, level: 'low' }),
    ]);
    const incident = [...incidents.values()][0]!;
    expect(incident.level).toBe('critical');
    expect(incident.severity).toBe(99);
    expect(incident.rule_ids).toEqual(['ssh-brute-force', 'priv-esc']);
    expect(incident.tags).toEqual([
      'attack.credential_access',
      'attack.privilege_escalation',
      'attack.t1110',
      'attack.t1548.003',
    ]);
  });

  it('stops storing ids past maxAlertIds but still treats a replay as a duplicate', () => {
    const small = groupingConfigSchema.parse({ maxAlertIds: 2, windowMs: 30 * 60_000 });
    let incidents: Incident[] = [];
    for (let n = 0; n < 4; n++) {
      const outcome = groupAlert(alertFixture({ n, at: minutesAfter(T0, n) }), incidents, small, now);
      if (outcome.kind === 'opened' || outcome.kind === 'attached') incidents = [outcome.incident];
    }
    const incident = incidents[0]!;
    expect(incident.alert_ids).toHaveLength(2);
    expect(incident.last_seen).toBe(minutesAfter(T0, 3));
    const replay = groupAlert(alertFixture({ n: 3, at: minutesAfter(T0, 3) }), incidents, small, now);
    expect(replay.kind).toBe('duplicate');
  });
});
