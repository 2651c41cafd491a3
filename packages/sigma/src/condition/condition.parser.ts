import type { ConditionNode } from './condition-ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { tokenizeCondition, type ConditionToken, type ConditionTokenType } from './tokenize-condition.js';

const QUANTIFIERS: Readonly<Record<string, 'any' | 'all'>> = { '1': 'any', any: 'any', all: 'all' };
// Deeply nested parentheses are no real rule; the limit keeps recursion bounded.
const MAX_DEPTH = 64;

/**
 * Recursive-descent parser for Sigma conditions. Precedence, loosest first: or, and, not,
 * `x of pattern`, parentheses. `and`/`or` are left-associative and flattened into n-ary nodes.
 */
export function parseCondition(condition: string): { node: ConditionNode; rest?: { position: number } } {
  const tokens = tokenizeCondition(condition);
  let index = 0;
  let depth = 0;
  const peek = (): ConditionToken => tokens[index] ?? { type: 'end', text: '', position: condition.length };
  const take = (): ConditionToken => {
    const token = peek();
    index++;
    return token;
  };
  const describe = (token: ConditionToken): string =>
    token.type === 'end' ? 'end of condition' : `'${token.text}'`;
  const expect = (type: ConditionTokenType, what: string): ConditionToken => {
    const token = take();
    if (token.type !== type)
      throw new ConditionSyntaxError(`expected ${what}, found ${describe(token)}`, token.position);
    return token;
  };

  const binary = (type: 'and' | 'or', next: () => ConditionNode): ConditionNode => {
    const first = next();
    const operands = [first];
    while (peek().type === type) {
      take();
      operands.push(next());
    }
    return operands.length === 1 ? first : { type, operands, position: first.position };
  };
  const parseOr = (): ConditionNode => binary('or', parseAnd);
  const parseAnd = (): ConditionNode => binary('and', parseNot);
  const parseNot = (): ConditionNode => {
    const token = peek();
    if (token.type === 'not') {
      take();
      return { type: 'not', operand: parseNot(), position: token.position };
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionNode => {
    const token = take();
    if (token.type === 'lparen') {
      if (++depth > MAX_DEPTH)
        throw new ConditionSyntaxError('parentheses nested too deeply', token.position);
      const inner = parseOr();
      expect('rparen', `')'`);
      depth--;
      return inner;
    }
    if (token.type !== 'word')
      throw new ConditionSyntaxError(
        `expected a search identifier, found ${describe(token)}`,
        token.position,
      );
    const quantifier = QUANTIFIERS[token.text.toLowerCase()];
    if (quantifier !== undefined && peek().type === 'of') {
      take();
      const pattern = expect('word', `a search identifier pattern or 'them'`);
      return { type: 'of', quantifier, pattern: pattern.text, position: token.position };
    }
    if (token.text.includes('*')) {
      throw new ConditionSyntaxError(
        `wildcard identifier '${token.text}' needs '1 of' or 'all of'`,
        token.position,
      );
    }
    return { type: 'ref', name: token.text, position: token.position };
  };

  const node = parseOr();
  const last = peek();
  if (last.type === 'pipe') return { node, rest: { position: last.position } };
  if (last.type !== 'end') throw new ConditionSyntaxError(`unexpected ${describe(last)}`, last.position);
  return { node };
}
