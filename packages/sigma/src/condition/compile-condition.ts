import type { EventPredicate } from '@vigil/rule-engine';
import { keyAll } from '../detection/match-key.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import type { ConditionNode } from './condition-ast.js';

function patternMatcher(pattern: string): (name: string) => boolean {
  if (pattern === 'them') return (name) => !name.startsWith('_');
  const parts = pattern.split('*');
  const escaped = parts.map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*');
  const regex = new RegExp(`^${escaped}$`);
  // Identifiers starting with `_` are excluded by convention unless the pattern asks for them.
  const hidden = !pattern.startsWith('_');
  return (name) => regex.test(name) && !(hidden && name.startsWith('_'));
}

function all(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1 && predicates[0] !== undefined) return predicates[0];
  return keyAll((event) => {
    for (const predicate of predicates) if (!predicate(event)) return false;
    return true;
  }, predicates);
}

function any(predicates: readonly EventPredicate[]): EventPredicate {
  if (predicates.length === 1 && predicates[0] !== undefined) return predicates[0];
  return (event) => {
    for (const predicate of predicates) if (predicate(event)) return true;
    return false;
  };
}

/**
 * Turns a condition AST into one closure over the compiled search identifiers, and reports
 * which identifiers it used. `x of` patterns are expanded here, against the rule's identifiers.
 */
export function compileCondition(
  node: ConditionNode,
  identifiers: ReadonlyMap<string, EventPredicate>,
  used: Set<string> = new Set(),
): EventPredicate {
  switch (node.type) {
    case 'ref': {
      const predicate = identifiers.get(node.name);
      if (predicate === undefined) {
        throw new RuleCompileError(
          'undefined_identifier',
          `condition refers to '${node.name}' (column ${node.position + 1}), which the detection does not define`,
        );
      }
      used.add(node.name);
      return predicate;
    }
    case 'of': {
      const matches = patternMatcher(node.pattern);
      const names = [...identifiers.keys()].filter(matches);
      if (names.length === 0) {
        throw new RuleCompileError(
          'undefined_identifier',
          `'${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}' (column ${node.position + 1}) matches no search identifier`,
        );
      }
      for (const name of names) used.add(name);
      const predicates = names
        .map((name) => identifiers.get(name))
        .filter((p): p is EventPredicate => p !== undefined);
      return node.quantifier === 'all' ? all(predicates) : any(predicates);
    }
    case 'not': {
      const inner = compileCondition(node.operand, identifiers, used);
      return (event) => !inner(event);
    }
    case 'and':
      return all(node.operands.map((operand) => compileCondition(operand, identifiers, used)));
    case 'or':
      return any(node.operands.map((operand) => compileCondition(operand, identifiers, used)));
  }
}
