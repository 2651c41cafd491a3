import { RuleCompileError } from '../rule/rule-compile-error.js';
import { expectKind, type ModifierDefinition } from './modifier-registry.js';
import type { CompareOperator, SigmaValue, TimePart } from './sigma-value.js';

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number, or a string that is exactly a decimal number ('8080'), else undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return NUMERIC.test(trimmed) ? Number(trimmed) : undefined;
  }
  return undefined;
}

function numberOf(name: string, input: SigmaValue): number {
  const value = expectKind(name, input, ['number', 'string']);
  const number = value.kind === 'number' ? value.value : toNumber(value.raw);
  if (number === undefined) {
    throw new RuleCompileError(
      'invalid_value',
      `modifier '${name}' needs a number, got '${value.kind === 'string' ? value.raw : ''}'`,
    );
  }
  return number;
}

function compareModifier(op: CompareOperator): ModifierDefinition {
  return { scope: 'value', apply: (input) => ({ kind: 'compare', op, value: numberOf(op, input) }) };
}

export const ltModifier = compareModifier('lt');
export const lteModifier = compareModifier('lte');
export const gtModifier = compareModifier('gt');
export const gteModifier = compareModifier('gte');

const TIME_RANGES: Readonly<Record<TimePart, readonly [number, number]>> = {
  minute: [0, 59],
  hour: [0, 23],
  day: [1, 31],
  week: [1, 53],
  month: [1, 12],
  year: [1970, 9999],
};

/** Sigma 2.1 time modifiers: the field is a date, compared by one part of it (UTC). */
function timeModifier(unit: TimePart): ModifierDefinition {
  return {
    scope: 'value',
    apply: (input) => {
      const value = numberOf(unit, input);
      const [min, max] = TIME_RANGES[unit];
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new RuleCompileError(
          'invalid_value',
          `modifier '${unit}' needs an integer from ${min} to ${max}, got ${value}`,
        );
      }
      return { kind: 'timepart', unit, value };
    },
  };
}

export const minuteModifier = timeModifier('minute');
export const hourModifier = timeModifier('hour');
export const dayModifier = timeModifier('day');
export const weekModifier = timeModifier('week');
export const monthModifier = timeModifier('month');
export const yearModifier = timeModifier('year');
