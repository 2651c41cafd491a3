import { describe, expect, it } from 'vitest';
import { detection, isFailure, isSuccess } from '../test-support/rules.js';
import { createOperator } from './create-operator.js';
import { resolveOptions } from './engine-options.js';
import { buildPlan } from './rule-plan.js';
import { buildRouting, MASK_BITS, type Slot } from './routing.js';

function routingOf(rules: Parameters<typeof buildPlan>[0]['rules']) {
  const plan = buildPlan({ rules });
  const slots = plan.rules.map((rule): Slot => ({
    rule,
    op: createOperator(rule, resolveOptions({})),
    dependents: [],
    stats: {
      ruleId: rule.meta.id,
      type: rule.type,
      keys: 0,
      evicted: 0,
      evictedForCap: 0,
      matches: 0,
      alerts: 0,
      suppressed: 0,
    },
    sink: () => undefined,
  }));
  return buildRouting(plan, slots);
}

describe('buildRouting', () => {
  it('routes a dataset to the rules that name it or take every dataset, in plan order', () => {
    const routing = routingOf([
      detection('auth-1', isFailure),
      detection('web', isFailure, { datasets: ['nginx.access'] }),
      detection('any', isSuccess, { datasets: [] }),
    ]);
    expect(routing.route('system.auth').slots.map((s) => s.rule.meta.id)).toEqual(['auth-1', 'any']);
    expect(routing.route('nginx.access').slots.map((s) => s.rule.meta.id)).toEqual(['web', 'any']);
    expect(routing.route('made.up').slots.map((s) => s.rule.meta.id)).toEqual(['any']);
  });

  it('gives one shared list per combination of matched slots, in plan order', () => {
    const rules = ['r0', 'r1', 'r2'].map((id) => detection(id, isFailure));
    const route = routingOf(rules).route('system.auth');
    const both = route.matchedFor(0b101);
    expect(both.map((s) => s.rule.meta.id)).toEqual(['r0', 'r2']);
    expect(route.matchedFor(0b101)).toBe(both);
    expect(route.matchedFor(0b010).map((s) => s.rule.meta.id)).toEqual(['r1']);
    expect(MASK_BITS).toBeLessThanOrEqual(30);
  });
});
