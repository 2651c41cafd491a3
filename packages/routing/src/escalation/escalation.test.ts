import { describe, expect, it } from 'vitest';
import { rotationSchema } from '../config/routing-config.schema.js';
import { loadRouter } from '../testing/load-router.js';
import { advanceEscalation, startEscalation, stopEscalation, type EscalationState } from './escalation.js';
import { nextHandoff, onCallAt } from './rotation.js';

const router = loadRouter(`
route: { receiver: slack }
escalation_policies:
  - name: secops
    levels:
      - { targets: [{ oncall: primary }], ack_timeout: 15m }
      - { targets: [{ oncall: secondary }, { receiver: leads }], ack_timeout: 30m }
    repeat: 1
rotations:
  - name: primary
    start: '2026-03-02T08:00:00Z'
    users: [alice, bob]
    overrides: [{ user: carol, start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' }]
  - name: secondary
    start: '2026-03-02T08:00:00Z'
    users: [bob, alice]
people:
  - { name: alice, receiver: pd-alice }
  - { name: bob, receiver: pd-bob }
  - { name: carol, receiver: pd-carol }
receivers:
  - { name: slack }
  - { name: leads }
  - { name: pd-alice }
  - { name: pd-bob }
  - { name: pd-carol }
`);
const policy = router.policy('secops')!;
const t0 = new Date('2026-03-02T10:00:00Z');
const after = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);

describe('rotation', () => {
  const rotation = rotationSchema.parse({ name: 'r', start: '2026-03-02T08:00:00Z', users: ['a', 'b', 'c'] });

  it('hands over weekly, deterministically, also before the start', () => {
    expect(onCallAt(rotation, new Date('2026-03-02T08:00:00Z'))).toBe('a');
    expect(onCallAt(rotation, new Date('2026-03-09T07:59:59Z'))).toBe('a');
    expect(onCallAt(rotation, new Date('2026-03-09T08:00:00Z'))).toBe('b');
    expect(onCallAt(rotation, new Date('2026-03-23T08:00:00Z'))).toBe('a');
    expect(onCallAt(rotation, new Date('2026-02-28T00:00:00Z'))).toBe('c');
    expect(nextHandoff(rotation, new Date('2026-03-04T00:00:00Z')).toISOString()).toBe(
      '2026-03-09T08:00:00.000Z',
    );
  });

  it('lets an override win for its window', () => {
    const primary = router.rotation('primary')!;
    expect(onCallAt(primary, new Date('2026-03-03T12:00:00Z'))).toBe('carol');
    expect(onCallAt(primary, new Date('2026-03-04T00:00:00Z'))).toBe('alice');
  });
});

describe('escalation', () => {
  it('pages level 0 at once: whoever is on call', () => {
    const { state, page } = startEscalation('inc1', policy, router, t0);
    expect(page).toMatchObject({
      level: 0,
      cycle: 0,
      targets: [{ receiver: 'pd-alice', person: 'alice', rotation: 'primary' }],
    });
    expect(state.nextAt).toBe(after(15).toISOString());
  });

  it('escalates after the ack timeout, not before', () => {
    const { state } = startEscalation('inc1', policy, router, t0);
    expect(advanceEscalation(state, policy, router, after(14)).page).toBeUndefined();
    const step = advanceEscalation(state, policy, router, after(15));
    expect(step.page).toMatchObject({
      level: 1,
      targets: [{ receiver: 'pd-bob', person: 'bob' }, { receiver: 'leads' }],
    });
    expect(step.state.nextAt).toBe(after(45).toISOString());
  });

  it('stops escalating once acknowledged', () => {
    const { state } = startEscalation('inc1', policy, router, t0);
    const acked = stopEscalation(state, 'acknowledged');
    expect(acked).toMatchObject({ stopped: 'acknowledged' });
    expect(acked.nextAt).toBeUndefined();
    expect(advanceEscalation(acked, policy, router, after(600)).page).toBeUndefined();
  });

  it('repeats the policy, then is exhausted; page ids are stable per level and cycle', () => {
    let state: EscalationState = startEscalation('inc1', policy, router, t0).state;
    const pages: string[] = [];
    let minute = 0;
    while (state.stopped === undefined && minute < 1000) {
      minute++;
      const step = advanceEscalation(state, policy, router, after(minute));
      state = step.state;
      if (step.page !== undefined) pages.push(`${step.page.cycle}.${step.page.level}@${minute}`);
    }
    expect(pages).toEqual(['0.1@15', '1.0@45', '1.1@60']);
    expect(state.stopped).toBe('exhausted');
    const again = startEscalation('inc1', policy, router, t0).page;
    expect(again.id).toBe(startEscalation('inc1', policy, router, after(3)).page.id);
    expect(again.id).not.toBe(startEscalation('inc2', policy, router, t0).page.id);
    expect(again.id).not.toBe(startEscalation('inc1', policy, router, t0, 1).page.id);
  });

  it('pages a missed level once, not every missed level, after downtime', () => {
    const { state } = startEscalation('inc1', policy, router, t0);
    const step = advanceEscalation(state, policy, router, after(300));
    expect(step.page?.level).toBe(1);
    expect(step.state.nextAt).toBe(after(330).toISOString());
  });
});
