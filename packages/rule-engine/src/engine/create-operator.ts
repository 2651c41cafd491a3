import type { CompiledRule } from '../model/compiled-rule.js';
import type { OperatorOptions, RuleOperator } from '../model/match.js';
import { createAbsence } from '../operators/absence.operator.js';
import { createEventCount } from '../operators/event-count.operator.js';
import { createNewTerms } from '../operators/new-terms.operator.js';
import { createSignature } from '../operators/signature.operator.js';
import { suppressed, suppressionOf, type SuppressedOperator } from '../operators/suppressed.js';
import { createTemporal } from '../operators/temporal.operator.js';
import { createValueCount } from '../operators/value-count.operator.js';

/** The operator of a rule, wrapped with its `suppress` window when it has one. */
export function createOperator(
  rule: CompiledRule,
  options: OperatorOptions,
): RuleOperator | SuppressedOperator {
  const base = createBase(rule, options);
  return suppressionOf(rule) === undefined ? base : suppressed(base, options);
}

function createBase(rule: CompiledRule, options: OperatorOptions): RuleOperator {
  switch (rule.type) {
    case 'signature':
      return createSignature(rule, options);
    case 'event_count':
      return createEventCount(rule, options);
    case 'value_count':
      return createValueCount(rule, options);
    case 'temporal':
    case 'temporal_ordered':
      return createTemporal(rule, options);
    case 'absence':
      return createAbsence(rule, options);
    case 'new_terms':
      return createNewTerms(rule, options);
  }
}
