import { isIP } from 'node:net';
import { hasWildcard, type QueryNode, type QueryValue, type RangeOperator } from '../ast/query-ast.js';
import type { FieldCatalog, FieldType } from '../catalog/field-catalog.js';
import { problemAt, type QueryProblem, type QueryResult } from '../error/query-problem.js';
import type { BoundQuery } from './bound-query.js';
import { DAY_MS, parseDate } from './parse-date.js';

export interface BindOptions {
  /** The instant `now` means in relative dates (epoch ms); defaults to the clock. */
  readonly now?: number;
}

class BindFailure extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem.message);
  }
}

function fail(message: string, position: number): never {
  throw new BindFailure(problemAt(message, position).problem);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function isCidr(text: string): boolean {
  const [address, bits, ...rest] = text.split('/');
  if (address === undefined || rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

class Binder {
  constructor(
    private readonly catalog: FieldCatalog,
    private readonly now: number,
  ) {}

  private fieldType(field: string, position: number): FieldType {
    const type = this.catalog.typeOf(field);
    if (type === undefined) {
      const hints = this.catalog.suggest(field);
      const hint = hints.length > 0 ? `; did you mean ${hints.map((h) => `'${h}'`).join(', ')}?` : '';
      fail(`unknown field '${field}' for ${this.catalog.name}${hint}`, position);
    }
    return type;
  }

  bind(node: QueryNode): BoundQuery {
    const bound = this.bindNode(node);
    if (!('field' in bound)) return bound;
    const source = this.catalog.sourceOf(bound.field);
    return source === bound.field ? bound : { ...bound, source };
  }

  private bindNode(node: QueryNode): BoundQuery {
    switch (node.kind) {
      case 'all':
        return node;
      case 'and':
      case 'or':
        return { kind: node.kind, children: node.children.map((child) => this.bind(child)) };
      case 'not':
        return { kind: 'not', child: this.bind(node.child) };
      case 'exists':
        this.fieldType(node.field, node.position);
        return { kind: 'exists', field: node.field };
      case 'range':
        return this.range(node.field, node.op, node.value, node.position);
      case 'match':
        if (node.field === null) return this.freeText(node.value);
        return this.match(node.field, this.fieldType(node.field, node.position), node.value);
    }
  }

  private freeText(value: QueryValue): BoundQuery {
    const children = this.catalog.defaultFields.map((field) => {
      const bound = this.match(field, this.fieldType(field, value.position), value);
      const source = this.catalog.sourceOf(field);
      return source === field || !('field' in bound) ? bound : { ...bound, source };
    });
    return children.length === 1 && children[0] !== undefined ? children[0] : { kind: 'or', children };
  }

  private match(field: string, type: FieldType, value: QueryValue): BoundQuery {
    const wildcard = !value.quoted && hasWildcard(value);
    if (wildcard) {
      if (type === 'keyword') return { kind: 'wildcard', field, on: 'keyword', parts: value.parts };
      if (type === 'text') {
        const parts = value.parts.map((part) =>
          'literal' in part ? { literal: part.literal.toLowerCase() } : part,
        );
        return { kind: 'wildcard', field, on: 'token', parts };
      }
      if (type === 'ip')
        fail(`'${field}' is an address: use a CIDR block such as 10.0.0.0/8, not a wildcard`, value.position);
      fail(`wildcards work on text and keyword fields; '${field}' is a ${type} field`, value.position);
    }
    const text = value.text;
    switch (type) {
      case 'keyword':
        return { kind: 'term', field, value: text };
      case 'text':
        return { kind: 'phrase', field, text };
      case 'number':
        if (!NUMBER.test(text))
          fail(`'${field}' is a number field; '${text}' is not a number`, value.position);
        return { kind: 'term', field, value: Number(text) };
      case 'boolean': {
        const lower = text.toLowerCase();
        if (lower !== 'true' && lower !== 'false')
          fail(`'${field}' is true or false, not '${text}'`, value.position);
        return { kind: 'term', field, value: lower === 'true' };
      }
      case 'ip':
        if (!isCidr(text))
          fail(`'${text}' is not an IP address or CIDR block (field '${field}')`, value.position);
        return { kind: 'ip', field, value: text };
      case 'date': {
        const date = this.date(field, value);
        return date.dayOnly
          ? { kind: 'range', field, type: 'date', gte: date.ms, lt: date.ms + DAY_MS }
          : { kind: 'range', field, type: 'date', gte: date.ms, lte: date.ms };
      }
    }
  }

  private date(field: string, value: QueryValue): { ms: number; dayOnly: boolean } {
    const date = parseDate(value.text, this.now);
    if (date === undefined) {
      fail(
        `'${value.text}' is not a date for '${field}' (use 2024-01-31, 2024-01-31T10:00:00Z or now-15m)`,
        value.position,
      );
    }
    return date;
  }

  private range(field: string, op: RangeOperator, value: QueryValue, position: number): BoundQuery {
    const type = this.fieldType(field, position);
    switch (type) {
      case 'number':
        if (!NUMBER.test(value.text))
          fail(`'${field}' is a number field; '${value.text}' is not a number`, value.position);
        return { kind: 'range', field, type, [op]: Number(value.text) };
      case 'date':
        return { kind: 'range', field, type, [op]: this.date(field, value).ms };
      case 'keyword':
        return { kind: 'range', field, type, [op]: value.text };
      default:
        fail(`ranges work on number, date and keyword fields; '${field}' is a ${type} field`, position);
    }
  }
}

/** Checks a parsed query against an index's fields and types its values. */
export function bindQuery(
  node: QueryNode,
  catalog: FieldCatalog,
  options: BindOptions = {},
): QueryResult<BoundQuery> {
  try {
    return { ok: true, value: new Binder(catalog, options.now ?? Date.now()).bind(node) };
  } catch (error) {
    if (error instanceof BindFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}
