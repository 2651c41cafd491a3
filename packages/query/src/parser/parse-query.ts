import type { QueryNode, QueryValue, RangeOperator, ValuePart } from '../ast/query-ast.js';
import { problemAt, type QueryProblem, type QueryResult } from '../error/query-problem.js';
import { describeToken, type Token } from '../lexer/token.js';
import { tokenize } from '../lexer/tokenize.js';

const FIELD_NAME = /^[@A-Za-z_][A-Za-z0-9_.@-]*$/;
/** Deeply nested input would otherwise exhaust the stack: refuse it with a message instead. */
const MAX_DEPTH = 64;

class ParseFailure extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem.message);
  }
}

function fail(message: string, position: number): never {
  const result = problemAt(message, position);
  throw new ParseFailure(result.problem);
}

function valueOf(token: Token): QueryValue {
  const parts: readonly ValuePart[] = token.parts ?? [];
  const text = parts.map((part) => ('literal' in part ? part.literal : part.wildcard)).join('');
  return { text, quoted: token.kind === 'phrase', parts, position: token.position };
}

function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode {
  return children.length === 1 && children[0] !== undefined ? children[0] : { kind, children };
}

/**
 * Recursive descent over the grammar (NOT binds tighter than AND, AND tighter than OR; adjacent
 * terms without an operator are ANDed):
 *   query   := or? EOF
 *   or      := and (OR and)*
 *   and     := not (AND? not)*
 *   not     := NOT not | primary
 *   primary := '(' or ')' | field ':' fieldValue | field comparator value | value
 *   fieldValue := '*' | '(' vor ')' | value       — vor/vand/vnot: the same, over values of one field
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private expect(kind: Token['kind'], what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) fail(`expected ${what} but found ${describeToken(token)}`, token.position);
    return this.next();
  }

  private enter(position: number): void {
    if (++this.depth > MAX_DEPTH) fail(`query is nested more than ${MAX_DEPTH} levels deep`, position);
  }

  parse(): QueryNode {
    if (this.peek().kind === 'eof') return { kind: 'all' };
    const node = this.or((p) => this.primary(p));
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      fail(rest.kind === 'rparen' ? `unbalanced ')'` : `unexpected ${describeToken(rest)}`, rest.position);
    }
    return node;
  }

  private startsOperand(token: Token): boolean {
    return (
      token.kind === 'word' || token.kind === 'phrase' || token.kind === 'lparen' || token.kind === 'not'
    );
  }

  private or(operand: (parser: Parser) => QueryNode): QueryNode {
    const children = [this.and(operand)];
    while (this.peek().kind === 'or') {
      this.next();
      children.push(this.and(operand));
    }
    return combine('or', children);
  }

  private and(operand: (parser: Parser) => QueryNode): QueryNode {
    const children = [this.not(operand)];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'and') {
        this.next();
        children.push(this.not(operand));
      } else if (this.startsOperand(token)) {
        children.push(this.not(operand));
      } else {
        break;
      }
    }
    return combine('and', children);
  }

  private not(operand: (parser: Parser) => QueryNode): QueryNode {
    const token = this.peek();
    if (token.kind === 'not') {
      this.next();
      this.enter(token.position);
      const child = this.not(operand);
      this.depth--;
      return { kind: 'not', child };
    }
    return operand(this);
  }

  private group(operand: (parser: Parser) => QueryNode): QueryNode {
    const open = this.expect('lparen', `'('`);
    this.enter(open.position);
    if (this.peek().kind === 'rparen') fail('empty parentheses', open.position);
    const inner = this.or(operand);
    const close = this.peek();
    if (close.kind !== 'rparen') {
      fail(
        `expected ')' to close the '(' at position ${open.position} but found ${describeToken(close)}`,
        close.position,
      );
    }
    this.next();
    this.depth--;
    return inner;
  }

  private primary(_self: Parser): QueryNode {
    const token = this.peek();
    if (token.kind === 'lparen') return this.group((p) => p.primary(p));
    if (token.kind !== 'word' && token.kind !== 'phrase') {
      fail(`expected a term but found ${describeToken(token)}`, token.position);
    }
    const after = this.peek(1);
    if (token.kind === 'word' && (after.kind === 'colon' || after.kind === 'comparator')) {
      const field = this.fieldName(token);
      this.next();
      this.next();
      if (after.kind === 'comparator') {
        const valueToken = this.peek();
        if (valueToken.kind !== 'word' && valueToken.kind !== 'phrase') {
          fail(
            `expected a value after '${after.raw}' but found ${describeToken(valueToken)}`,
            valueToken.position,
          );
        }
        this.next();
        const value = valueOf(valueToken);
        if (!value.quoted && value.parts.some((part) => 'wildcard' in part)) {
          fail('wildcards are not allowed in a range', valueToken.position);
        }
        return { kind: 'range', field, op: after.op as RangeOperator, value, position: token.position };
      }
      return this.fieldValue(field, token.position);
    }
    if (token.kind === 'word' && after.kind === 'lparen' && FIELD_NAME.test(token.raw)) {
      fail(`expected ':' between the field '${token.raw}' and '('`, after.position);
    }
    this.next();
    return { kind: 'match', field: null, value: valueOf(token), position: token.position };
  }

  private fieldName(token: Token): string {
    if (!FIELD_NAME.test(token.raw)) fail(`'${token.raw}' is not a valid field name`, token.position);
    return token.raw;
  }

  private fieldValue(field: string, position: number): QueryNode {
    const token = this.peek();
    if (token.kind === 'word' && token.raw === '*') {
      this.next();
      return { kind: 'exists', field, position };
    }
    if (token.kind === 'lparen') return this.group((p) => p.valueTerm(field, position));
    return this.valueTerm(field, position);
  }

  private valueTerm(field: string, fieldPosition: number): QueryNode {
    const token = this.peek();
    if (token.kind === 'lparen') return this.group((p) => p.valueTerm(field, fieldPosition));
    if (token.kind !== 'word' && token.kind !== 'phrase') {
      fail(`expected a value for '${field}' but found ${describeToken(token)}`, token.position);
    }
    if (this.peek(1).kind === 'colon' || this.peek(1).kind === 'comparator') {
      fail(`expected a value for '${field}' but found another field`, token.position);
    }
    this.next();
    return { kind: 'match', field, value: valueOf(token), position: fieldPosition };
  }
}

/** Parses query text to its syntax tree; an empty query matches everything. */
export function parseQuery(text: string): QueryResult<QueryNode> {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  try {
    return { ok: true, value: new Parser(tokens.value).parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}
