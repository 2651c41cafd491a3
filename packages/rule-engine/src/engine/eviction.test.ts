import { describe, expect, it } from 'vitest';
import { alertsOf } from '../test-support/outputs.js';
import { detection, event, eventCountRule, isFailure } from '../test-support/rules.js';
import { createEngine } from './create-engine.js';

const rules = [
  detection('f', isFailure),
  eventCountRule('bf', { rules: ['f'], timespanMs: 10_000, condition: { gte: 3 } }),
];

describe('eviction and key cap', () => {
  it('evicts keys whose window has expired as event time moves on, without changing alerts', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0, sweepIntervalMs: 1_000 });
    engine.pushMany(
      Array.from({ length: 100 }, (_, i) => event({ at: i, ip: `10.0.0.${i}`, outcome: 'failure' })),
    );
    // The last event waits in the reorder buffer (it is at the watermark).
    expect(engine.stats().operators.find((o) => o.ruleId === 'bf')?.keys).toBe(99);
    // 10 s later every one of those windows is over.
    engine.push(event({ at: 10_200, ip: 'late-comer', outcome: 'failure' }));
    engine.push(event({ at: 10_300, ip: 'late-comer', outcome: 'failure' }));
    expect(engine.stats().operators.find((o) => o.ruleId === 'bf')).toMatchObject({
      keys: 1,
      evicted: 100,
      evictedForCap: 0,
    });
    const alerts = alertsOf([
      ...engine.push(event({ at: 10_400, ip: 'late-comer', outcome: 'failure' })),
      ...engine.flush(),
    ]);
    expect(alerts.map((a) => a.group)).toEqual([{ 'source.ip': 'late-comer' }]);
  });

  it('caps keys per operator: the least recently active key goes, counted, and new keys keep working', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0, maxKeys: 10 });
    const flood = Array.from({ length: 50 }, (_, i) =>
      event({ at: 1_000 + i, ip: `flood-${i}`, outcome: 'failure' }),
    );
    engine.pushMany([
      event({ at: 0, ip: 'victim', outcome: 'failure' }),
      event({ at: 1, ip: 'victim', outcome: 'failure' }),
      ...flood,
    ]);
    const outputs = [
      ...engine.push(event({ at: 2_000, ip: 'victim', outcome: 'failure' })),
      ...engine.flush(),
    ];
    const stats = engine.stats().operators.find((o) => o.ruleId === 'bf');
    expect(stats).toMatchObject({ keys: 10, evictedForCap: 42 });
    // The victim's two earlier failures were pushed out by the flood: no alert for it yet.
    expect(alertsOf(outputs)).toEqual([]);
  });

  it('reports key counts, evictions and the watermark in periodic stats outputs', () => {
    const engine = createEngine({ rules }, { allowedLatenessMs: 0, statsEvery: 2 });
    const outputs = engine.pushMany(
      [0, 1, 2, 3].map((at) => event({ at, ip: `ip-${at}`, outcome: 'failure' })),
    );
    const stats = outputs.filter((o) => o.kind === 'stats');
    expect(stats).toHaveLength(2);
    expect(stats[1]).toMatchObject({ kind: 'stats', stats: { events: 4, buffered: 1, late: 0, sources: 1 } });
    expect(engine.stats().operators.find((o) => o.ruleId === 'bf')).toMatchObject({ keys: 3, matches: 3 });
  });
});
