import { describe, expect, it } from 'vitest';
import type { EventScope } from '../model/compiled-rule.js';
import { detection, event, isFailure } from '../test-support/rules.js';
import { alertsOf } from '../test-support/outputs.js';
import { createEngine } from './create-engine.js';

describe('createEngine: the rule set scope', () => {
  it('runs every predicate of an event inside one enter/exit, and nothing else inside it', () => {
    const log: string[] = [];
    let inside = false;
    const scope: EventScope = {
      enter() {
        log.push('enter');
        inside = true;
      },
      exit() {
        log.push('exit');
        inside = false;
      },
    };
    const spy = (name: string) => (e: Parameters<typeof isFailure>[0]) => {
      log.push(`${name}:${String(inside)}`);
      return isFailure(e);
    };
    const rules = [
      detection('a', spy('a'), { generate: true }),
      detection('b', spy('b')),
      detection('other-dataset', spy('x'), { datasets: ['nginx.access'] }),
    ];
    const engine = createEngine({ rules, scope }, { allowedLatenessMs: 0 });
    const outputs = [
      ...engine.push(event({ at: 0, outcome: 'failure' })),
      ...engine.push(event({ at: 1000, outcome: 'success' })),
      ...engine.flush(),
    ];
    expect(log).toEqual(['enter', 'a:true', 'b:true', 'exit', 'enter', 'a:true', 'b:true', 'exit']);
    expect(alertsOf(outputs).map((a) => a.rule.id)).toEqual(['a']);
  });

  it('exits the scope even when a predicate throws, and reports the rule error', () => {
    let depth = 0;
    const scope: EventScope = {
      enter() {
        depth++;
      },
      exit() {
        depth--;
      },
    };
    const boom = detection('boom', () => {
      throw new Error('bad predicate');
    });
    const engine = createEngine({ rules: [boom, detection('ok', isFailure)], scope });
    const outputs = engine.push(event({ at: 0, outcome: 'failure' }));
    expect(depth).toBe(0);
    expect(outputs).toContainEqual(expect.objectContaining({ kind: 'rule_error', ruleId: 'boom' }));
  });
});
