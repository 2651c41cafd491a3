import { describe, expect, it } from 'vitest';
import type { MatchKey } from '../model/compiled-rule.js';
import { alertsOf } from '../test-support/outputs.js';
import { detection, event } from '../test-support/rules.js';
import { createEngine } from './create-engine.js';

const byOutcome: MatchKey['keysOf'] = (e) => e.event.outcome;

describe('createEngine: rules with a match key', () => {
  it('runs a keyed rule only on events that have one of its keys; unkeyed rules on every event', () => {
    const ran: string[] = [];
    const rule = (id: string, outcome: string, matchKey?: MatchKey) =>
      detection(
        id,
        (e) => {
          ran.push(`${id}:${e.event.outcome ?? '-'}`);
          return e.event.outcome === outcome;
        },
        { generate: true, ...(matchKey === undefined ? {} : { matchKey }) },
      );
    const rules = [
      rule('fail', 'failure', { keysOf: byOutcome, values: ['failure'] }),
      rule('ok', 'success', { keysOf: byOutcome, values: ['success'] }),
      rule('plain', 'failure'),
    ];
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    const outputs = [
      ...engine.push(event({ at: 0, outcome: 'failure' })),
      ...engine.push(event({ at: 1, outcome: 'success' })),
      ...engine.push(event({ at: 2 })),
      ...engine.flush(),
    ];
    expect(ran).toEqual(['fail:failure', 'plain:failure', 'ok:success', 'plain:success', 'plain:-']);
    expect(alertsOf(outputs).map((a) => a.rule.id)).toEqual(['fail', 'plain', 'ok']);
  });

  it('runs every rule when a key cannot be read', () => {
    const keysOf: MatchKey['keysOf'] = () => {
      throw new Error('unreadable');
    };
    const rules = [
      detection('fail', (e) => e.event.outcome === 'failure', {
        generate: true,
        matchKey: { keysOf, values: [] },
      }),
    ];
    const engine = createEngine({ rules }, { allowedLatenessMs: 0 });
    const outputs = [...engine.push(event({ at: 0, outcome: 'failure' })), ...engine.flush()];
    expect(alertsOf(outputs).map((a) => a.rule.id)).toEqual(['fail']);
  });
});
