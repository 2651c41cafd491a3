import { map, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import type { Alert } from '@vigil/schema';
import type { Match, OperatorInput, Tick } from '../model/match.js';
import { T0, event, type EventSpec } from './rules.js';

export function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A match of `ruleId` for an event built from the spec. */
export function match(ruleId: string, spec: EventSpec): Match {
  const e = event(spec);
  return {
    kind: 'match',
    ruleId,
    ts: T0 + spec.at,
    event: e,
    evidence: [e.event.id],
    datasets: [e.event.dataset],
  };
}

export function tick(at: number): Tick {
  return { kind: 'tick', ts: T0 + at };
}

/** Alerts reduced to "rule|group values|count" so marble diagrams stay readable. */
export function short(
  operator: OperatorFunction<OperatorInput, Alert>,
): OperatorFunction<OperatorInput, string> {
  return (source) =>
    source.pipe(
      operator,
      map((a) => `${a.rule.id}|${Object.values(a.group).join(',')}|${a.count}`),
    );
}
