import { describe, expect, it } from 'vitest';
import { T0, detection, event, eventCountRule, isFailure } from '../test-support/rules.js';
import { alertsOf } from '../test-support/outputs.js';
import { createEngine } from './create-engine.js';

const rules = [
  detection('ssh-failure', isFailure),
  eventCountRule('brute-force', { rules: ['ssh-failure'], condition: { gte: 2 } }),
];

describe('late events', () => {
  it('emits events older than the watermark as late outputs, counts them, and keeps them out of the rules', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 1_000 });
    engine.push(event({ at: 10_000, ip: 'x', outcome: 'failure' }));
    const late = event({ at: 5_000, ip: 'x', outcome: 'failure' });
    const outputs = engine.push(late);
    expect(outputs).toEqual([
      { kind: 'late', event: late, lateness_ms: 4_000, watermark: new Date(T0 + 9_000).toISOString() },
    ]);
    expect(alertsOf(engine.flush())).toEqual([]);
    expect(engine.stats()).toMatchObject({ late: 1, events: 2 });
  });

  it('accepts events within the lateness, in event-time order', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 1_000 });
    const a = event({ at: 10_000, ip: 'x', outcome: 'failure' });
    const b = event({ at: 9_500, ip: 'x', outcome: 'failure' });
    expect(engine.push(a)).toEqual([]);
    expect(engine.push(b)).toEqual([]);
    const [alert] = alertsOf(engine.flush());
    expect(alert?.evidence.event_ids).toEqual([b.event.id, a.event.id]);
    expect(engine.stats().late).toBe(0);
  });

  it('holds events until the slowest source passes them; an idle source stops holding', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0, idleTimeoutMs: 30_000 });
    engine.push(event({ at: 0, host: 'slow', ip: 'y', outcome: 'success' }));
    engine.push(event({ at: 1_000, host: 'fast', ip: 'x', outcome: 'failure' }));
    expect(engine.push(event({ at: 2_000, host: 'fast', ip: 'x', outcome: 'failure' }))).toEqual([]);
    // Only events some rule matches wait in the buffer; the slow host's success matches none.
    expect(engine.stats()).toMatchObject({ buffered: 2, sources: 2, watermark: T0 });
    // 40 s later on the fast host: the slow one is idle, the buffer drains.
    const outputs = engine.push(event({ at: 40_000, host: 'fast', ip: 'z', outcome: 'failure' }));
    expect(alertsOf(outputs)).toHaveLength(1);
    expect(engine.stats()).toMatchObject({ buffered: 1, sources: 1, watermark: T0 + 40_000 });
  });

  it('releases the oldest events early when the buffer is full, and counts it', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 60_000, maxBuffered: 2 });
    engine.pushMany([1, 2, 3].map((s) => event({ at: s * 1000, ip: 'x', outcome: 'failure' })));
    expect(engine.stats()).toMatchObject({ buffered: 2, bufferOverflows: 1 });
    expect(engine.push(event({ at: 500, ip: 'x', outcome: 'failure' }))[0]?.kind).toBe('late');
  });

  it('advanceTo moves event time on without events', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 60_000 });
    engine.pushMany([1, 2].map((s) => event({ at: s * 1000, ip: 'x', outcome: 'failure' })));
    expect(alertsOf(engine.advanceTo(T0 + 5_000))).toHaveLength(1);
  });
});
