import { incidentSchema, type Incident } from '@vigil/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertFixture } from '../testing/alert-fixture.js';
import { effectiveLevel, effectiveSeverity } from '../severity/severity.js';
import type { IncidentAction } from './incident-action.schema.js';
import { incidentCommandSchema } from './incident-action.schema.js';
import { openIncident } from './open-incident.js';
import { reduceIncident } from './reduce-incident.js';

const now = new Date('2026-03-01T11:00:00.000Z');
const fresh = (): Incident => openIncident(alertFixture(), { field: 'source.ip', value: '203.0.113.7' }, now);

function ok(incident: Incident, action: IncidentAction): Incident {
  const result = reduceIncident(incident, action, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.incident;
}

describe('reduceIncident', () => {
  it('walks open → acknowledged → resolved with timeline, timestamps and versions', () => {
    const acked = ok(fresh(), { type: 'acknowledge', actor: 'alice', note: 'looking' });
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledged_at: now.toISOString(), version: 2 });
    expect(acked.timeline.at(-1)).toEqual({
      at: now.toISOString(),
      actor: 'alice',
      action: 'acknowledged',
      from: 'open',
      to: 'acknowledged',
      note: 'looking',
    });
    const resolved = ok(acked, { type: 'resolve', actor: 'alice' });
    expect(resolved).toMatchObject({ state: 'resolved', resolved_at: now.toISOString(), version: 3 });
    expect(incidentSchema.safeParse(resolved).success).toBe(true);
  });

  it('refuses invalid transitions with a 409 result naming the state', () => {
    const resolved = ok(fresh(), { type: 'resolve', actor: 'alice' });
    const result = reduceIncident(resolved, { type: 'acknowledge', actor: 'bob' }, now);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        status: 409,
        message: `cannot acknowledge incident ${resolved.id}: it is resolved (allowed from open)`,
      },
    });
    const acked = ok(fresh(), { type: 'acknowledge', actor: 'bob' });
    expect(reduceIncident(acked, { type: 'reopen', actor: 'bob' }, now)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const fp = ok(fresh(), { type: 'false_positive', actor: 'bob' });
    expect(reduceIncident(fp, { type: 'resolve', actor: 'bob' }, now).ok).toBe(false);
    expect(
      reduceIncident(fp, { type: 'attach_alert', actor: 'system', alert: alertFixture({ n: 9 }) }, now),
    ).toMatchObject({ ok: false, error: { status: 409 } });
  });

  it('treats repeating an action in effect as unchanged (idempotent webhooks)', () => {
    const acked = ok(fresh(), { type: 'acknowledge', actor: 'alice' });
    const again = reduceIncident(acked, { type: 'acknowledge', actor: 'pagerduty' }, now);
    expect(again).toEqual({ ok: true, changed: false, incident: acked });
  });

  it('reopens resolved and false-positive incidents, clearing their timestamps', () => {
    const resolved = ok(ok(fresh(), { type: 'acknowledge', actor: 'a' }), { type: 'resolve', actor: 'a' });
    const reopened = ok(resolved, { type: 'reopen', actor: 'b', note: 'came back' });
    expect(reopened.state).toBe('open');
    expect(reopened.acknowledged_at).toBeUndefined();
    expect(reopened.resolved_at).toBeUndefined();
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'reopened', from: 'resolved', to: 'open' });
  });

  it('assigns, unassigns, notes and overrides severity', () => {
    let incident = ok(fresh(), { type: 'assign', actor: 'lead', assignee: 'alice' });
    expect(incident.assignee).toBe('alice');
    incident = ok(incident, { type: 'assign', actor: 'lead', assignee: null });
    expect(incident.assignee).toBeUndefined();
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'assigned', from: 'alice' });
    incident = ok(incident, { type: 'note', actor: 'alice', note: 'benign scanner' });
    expect(reduceIncident(incident, { type: 'note', actor: 'a', note: '  ' }, now)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ACTION', status: 422 },
    });
    incident = ok(incident, { type: 'set_severity', actor: 'alice', severity: 95 });
    expect(effectiveSeverity(incident)).toBe(95);
    expect(effectiveLevel(incident)).toBe('critical');
    incident = ok(incident, { type: 'set_severity', actor: 'alice', severity: null });
    expect(effectiveSeverity(incident)).toBe(73);
    expect(effectiveLevel(incident)).toBe('high');
    expect(incident.version).toBe(6);
  });

  it('records escalations and notifications on the timeline', () => {
    const incident = ok(fresh(), { type: 'record_escalation', actor: 'system', level: 1, targets: ['bob'] });
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'escalated', to: '1', note: 'bob' });
  });

  it('keeps the timeline bounded, dropping alert entries first', () => {
    let incident = fresh();
    incident = ok(incident, { type: 'acknowledge', actor: 'alice' });
    for (let n = 1; n <= 20; n++) {
      const result = reduceIncident(
        incident,
        { type: 'attach_alert', actor: 'system', alert: alertFixture({ n }) },
        now,
        { maxAlertIds: 100, maxTimeline: 5 },
      );
      if (!result.ok) throw new Error(result.error.message);
      incident = result.incident;
    }
    expect(incident.timeline).toHaveLength(5);
    expect(incident.timeline.map((e) => e.action)).toContain('acknowledged');
    expect(incident.timeline.map((e) => e.action)).toContain('opened');
  });

  it('validates API commands with zod', () => {
    expect(incidentCommandSchema.safeParse({ type: 'acknowledge', actor: 'alice' }).success).toBe(true);
    expect(incidentCommandSchema.safeParse({ type: 'set_severity', actor: 'a', severity: 101 }).success).toBe(
      false,
    );
    expect(incidentCommandSchema.safeParse({ type: 'attach_alert', actor: 'a' }).success).toBe(false);
  });

  it('always yields a schema-valid incident whose version counts its changes', () => {
    const command = fc.oneof(
      fc
        .constantFrom<IncidentAction['type']>('acknowledge', 'resolve', 'false_positive', 'reopen')
        .map((type) => ({ type, actor: 'prop' }) as IncidentAction),
      fc
        .option(fc.constantFrom('alice', 'bob'), { nil: null })
        .map((assignee): IncidentAction => ({ type: 'assign', actor: 'prop', assignee })),
      fc
        .option(fc.integer({ min: 0, max: 100 }), { nil: null })
        .map((severity): IncidentAction => ({ type: 'set_severity', actor: 'prop', severity })),
      fc
        .integer({ min: 1, max: 50 })
        .map((n): IncidentAction => ({ type: 'attach_alert', actor: 'system', alert: alertFixture({ n }) })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let incident = fresh();
        let changes = 0;
        for (const action of commands) {
          const result = reduceIncident(incident, action, now);
          if (!result.ok) continue;
          if (result.changed) changes++;
          incident = result.incident;
        }
        expect(incidentSchema.safeParse(incident).success).toBe(true);
        expect(incident.version).toBe(1 + changes);
        expect(incident.timeline).toHaveLength(1 + changes);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
