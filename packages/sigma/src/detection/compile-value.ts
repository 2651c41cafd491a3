import { compileFieldGetter } from '../field/field-getter.js';
import { compileCidrMatcher } from '../match/cidr-matcher.js';
import { compileRegex } from '../match/compile-regex.js';
import { lowerCase } from '../match/lower-case.js';
import { compileStringMatcher } from '../match/string-matcher.js';
import { timePartOf } from '../match/time-part.js';
import { toNumber } from '../modifiers/numeric-modifiers.js';
import type { CompareOperator, SigmaValue } from '../modifiers/sigma-value.js';

/** Tests one field value (already read from the event); the event is there for field references. */
export type ValueTest = (fieldValue: unknown, event: object) => boolean;

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/** Multi-valued fields (ECS arrays) match when any element does. */
function anyScalar(value: unknown, test: (scalar: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    for (const element of value) if (!Array.isArray(element) && test(element)) return true;
    return false;
  }
  return test(value);
}

/** A test of one scalar (string, number, boolean) lifted to a field value: any element of a list. */
function scalarTest(test: (scalar: unknown) => boolean): ValueTest {
  return (value) => anyScalar(value, test);
}

/** Matches the text of a scalar field value (numbers and booleans as their text). */
export function textTest(match: (text: string) => boolean): ValueTest {
  const test = (scalar: unknown): boolean => {
    const text = scalarText(scalar);
    return text !== undefined && match(text);
  };
  // A string field (nearly every field a rule tests) goes straight to the matcher.
  return (value) => (typeof value === 'string' ? match(value) : anyScalar(value, test));
}

const COMPARE: Readonly<Record<CompareOperator, (a: number, b: number) => boolean>> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

function fieldRefTest(value: Extract<SigmaValue, { kind: 'fieldref' }>): ValueTest {
  const getters = value.fields.map(compileFieldGetter);
  const norm = value.cased ? (text: string) => text : lowerCase;
  const compare = (own: string, other: string): boolean => {
    const a = norm(own);
    const b = norm(other);
    if (value.startsWith && value.endsWith) return a.includes(b);
    if (value.startsWith) return a.startsWith(b);
    if (value.endsWith) return a.endsWith(b);
    return a === b;
  };
  return (fieldValue, event) => {
    for (const getter of getters) {
      const other = getter(event);
      const matched = anyScalar(other, (otherScalar) => {
        const otherText = scalarText(otherScalar);
        if (otherText === undefined) return false;
        return anyScalar(fieldValue, (ownScalar) => {
          const ownText = scalarText(ownScalar);
          return ownText !== undefined && compare(ownText, otherText);
        });
      });
      if (matched) return true;
    }
    return false;
  };
}

/** Compiles a typed Sigma value into a closure, once at load. */
export function compileValue(value: SigmaValue): ValueTest {
  switch (value.kind) {
    case 'string':
      return textTest(compileStringMatcher(value.value, value.cased));
    case 'number': {
      const expected = value.value;
      return scalarTest((scalar) => toNumber(scalar) === expected);
    }
    case 'bool': {
      const expected = value.value;
      const text = String(expected);
      return scalarTest(
        (scalar) => scalar === expected || (typeof scalar === 'string' && lowerCase(scalar) === text),
      );
    }
    case 'null':
      return (field) => field === undefined || field === null || (Array.isArray(field) && field.length === 0);
    case 'regex':
      return textTest(compileRegex(value));
    case 'cidr': {
      return compileCidrValues([value.network]);
    }
    case 'compare': {
      const compare = COMPARE[value.op];
      const bound = value.value;
      return scalarTest((scalar) => {
        const number = toNumber(scalar);
        return number !== undefined && compare(number, bound);
      });
    }
    case 'exists': {
      const expected = value.value;
      return (field) => (field !== undefined) === expected;
    }
    case 'fieldref':
      return fieldRefTest(value);
    case 'timepart': {
      const { unit } = value;
      const expected = value.value;
      return scalarTest((scalar) => timePartOf(scalar, unit) === expected);
    }
    case 'expansion': {
      const tests = value.values.map(compileValue);
      return (field, event) => tests.some((test) => test(field, event));
    }
  }
}

/** Several CIDR values of one OR item share one BlockList: one address parse per event, not N. */
export function compileCidrValues(networks: readonly string[]): ValueTest {
  const match = compileCidrMatcher(networks);
  return scalarTest((scalar) => typeof scalar === 'string' && match(scalar));
}
