import type { EventPredicate } from '@vigil/rule-engine';
import { compileFieldGetter, type FieldGetter } from '../field/field-getter.js';
import { parseSigmaString, wrapWildcards } from '../match/sigma-string.js';
import type { ItemState, ModifierContext } from '../modifiers/modifier-registry.js';
import type { SigmaValue } from '../modifiers/sigma-value.js';
import { expandPlaceholders } from '../placeholders/expand-placeholders.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import { compileKeywordItem } from './compile-keyword-item.js';
import { compileCidrValues, compileValue, textTest, type ValueTest } from './compile-value.js';
import { groupLiteralValues } from './group-literal-values.js';
import { keyItem } from './match-key.js';
import { sharedItem } from './shared-item.js';
import { lowerCase } from '../match/lower-case.js';
import type { DetectionContext } from './detection-context.js';

function toSigmaValue(raw: unknown, index: number | undefined): SigmaValue {
  if (typeof raw === 'string') return { kind: 'string', value: parseSigmaString(raw), raw, cased: false };
  if (typeof raw === 'number') return { kind: 'number', value: raw };
  if (typeof raw === 'boolean') return { kind: 'bool', value: raw };
  if (raw === null) return { kind: 'null' };
  throw new RuleCompileError(
    'invalid_value',
    `values must be strings, numbers, booleans or null (nested maps are not Sigma: use dotted field names)`,
    index === undefined ? undefined : [index],
  );
}

function expandValues(rawValues: readonly unknown[], context: DetectionContext): unknown[] {
  const expanded: unknown[] = [];
  rawValues.forEach((raw, index) => {
    if (typeof raw !== 'string') {
      expanded.push(raw);
      return;
    }
    try {
      const { values, placeholders } = expandPlaceholders(raw, context.placeholders);
      if (placeholders.length === 0) context.warn(`'expand' on '${raw}', which has no %placeholder%`);
      for (const name of placeholders) context.usedPlaceholders.set(name, context.placeholders(name) ?? []);
      expanded.push(...values);
    } catch (error) {
      if (error instanceof RuleCompileError)
        throw new RuleCompileError(error.issueCode, error.message, [index]);
      throw error;
    }
  });
  if (expanded.length === 0)
    throw new RuleCompileError('invalid_value', `placeholder lists expand to no value`);
  return expanded;
}

function applyModifiers(
  values: SigmaValue[],
  modifiers: readonly string[],
  state: ItemState,
  context: DetectionContext,
  hasField: boolean,
): SigmaValue[] {
  const applied: string[] = [];
  let current = values;
  for (const name of modifiers) {
    const definition = context.modifiers.get(name);
    if (definition === undefined)
      throw new RuleCompileError('unknown_modifier', `unknown modifier '${name}'`);
    const modifierContext: ModifierContext = { applied, hasField, mapField: context.resolveField };
    if (definition.scope === 'unsupported') {
      throw new RuleCompileError(
        'unsupported_modifier',
        `modifier '${name}' is not supported: ${definition.reason}`,
      );
    } else if (definition.scope === 'item') {
      definition.apply(state, modifierContext);
    } else if (definition.scope === 'value') {
      const apply = (value: SigmaValue): SigmaValue[] => {
        if (value.kind === 'expansion') return [{ kind: 'expansion', values: value.values.flatMap(apply) }];
        const result = definition.apply(value, modifierContext);
        return Array.isArray(result) ? [...(result as readonly SigmaValue[])] : [result as SigmaValue];
      };
      current = current.flatMap(apply);
    }
    applied.push(name);
  }
  return current;
}

function checkCombination(modifiers: readonly string[], valueCount: number, context: DetectionContext): void {
  if (modifiers.includes('all') && valueCount < 2) {
    context.warn(`'all' on a single value has no effect (Sigma disallows it; use another selection)`);
  }
  const offset = modifiers.indexOf('base64offset');
  if (offset >= 0 && !modifiers.slice(offset + 1).includes('contains')) {
    context.warn(`'base64offset' without a following 'contains' matches only whole values`);
  }
}

function compileTests(values: readonly SigmaValue[], state: ItemState): ValueTest[] {
  if (state.linking !== 'or') return values.map(compileValue);
  // Many networks share one BlockList; many literals one Set or alternation.
  const cidrs: string[] = [];
  const others: SigmaValue[] = [];
  for (const value of values) {
    if (value.kind === 'cidr') cidrs.push(value.network);
    else others.push(value);
  }
  const { groups, rest } = groupLiteralValues(others);
  return [
    ...(cidrs.length > 0 ? [compileCidrValues(cidrs)] : []),
    ...groups.map((group) => textTest(group.cased ? group.match : (text) => group.match(lowerCase(text)))),
    ...rest.map(compileValue),
  ];
}

function combine(read: FieldGetter, tests: readonly ValueTest[], state: ItemState): EventPredicate {
  const { negated } = state;
  if (state.linking === 'and') {
    return (event) => {
      const value = read(event);
      for (const test of tests) if (!test(value, event)) return negated;
      return !negated;
    };
  }
  return (event) => {
    const value = read(event);
    for (const test of tests) if (test(value, event)) return !negated;
    return negated;
  };
}

/** Reads the first mapped field that is present (a Sigma field may map to several event fields). */
function coalesce(fields: readonly string[]): FieldGetter {
  const getters = fields.map(compileFieldGetter);
  if (getters.length === 1 && getters[0] !== undefined) return getters[0];
  return (event) => {
    for (const getter of getters) {
      const value = getter(event);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}

/** Keywords search the whole message: a plain string matches anywhere in it. */
function asKeyword(value: SigmaValue): SigmaValue {
  switch (value.kind) {
    case 'number': {
      const raw = String(value.value);
      return { kind: 'string', value: wrapWildcards(parseSigmaString(raw), true, true), raw, cased: false };
    }
    case 'string':
      return { ...value, value: wrapWildcards(value.value, true, true) };
    case 'expansion':
      return { kind: 'expansion', values: value.values.map(asKeyword) };
    case 'regex':
      return value;
    default:
      throw new RuleCompileError(
        'invalid_value',
        `keyword values must be strings or regexes, not ${value.kind}`,
      );
  }
}

/**
 * Compiles one detection item, `field|mod1|mod2: value(s)` or a keyword list (`field` empty),
 * into a predicate. Throws RuleCompileError; the caller turns it into a located issue.
 */
export function compileDetectionItem(
  key: string,
  rawValue: unknown,
  context: DetectionContext,
): EventPredicate {
  const [fieldName = '', ...modifiers] = key.split('|');
  const hasField = fieldName.length > 0;
  let rawValues: unknown[] = Array.isArray(rawValue) ? [...(rawValue as unknown[])] : [rawValue];
  if (rawValues.length === 0) throw new RuleCompileError('invalid_value', `'${key}' has an empty value list`);
  for (const name of modifiers) {
    if (context.modifiers.get(name) === undefined)
      throw new RuleCompileError('unknown_modifier', `unknown modifier '${name}'`);
  }
  if (modifiers.includes('expand')) rawValues = expandValues(rawValues, context);
  const fields = hasField ? context.resolveField(fieldName) : context.keywordFields;
  if (hasField) context.usedFields.set(fieldName, fields);
  const state: ItemState = { linking: 'or', negated: false };
  const values = applyModifiers(
    rawValues.map((raw, index) => toSigmaValue(raw, Array.isArray(rawValue) ? index : undefined)),
    modifiers,
    state,
    context,
    hasField,
  );
  checkCombination(modifiers, rawValues.length, context);
  if (!hasField) return compileKeywordItem(values.map(asKeyword), state, fields);
  const predicate = combine(coalesce(fields), compileTests(values, state), state);
  if (modifiers.length > 0) return predicate;
  const shared = sharedItem(fields, rawValues, predicate);
  const [only] = fields;
  const literals = equalityLiterals(values);
  if (fields.length === 1 && only !== undefined && literals !== undefined) keyItem(shared, only, literals);
  return shared;
}

/**
 * The lowercased texts a modifier-free item compares for equality, when every value is a plain
 * case-insensitive string without wildcards; undefined otherwise. Both ways of lowercasing (per
 * part, as the matcher does, and whole) are kept: a superset is still a correct routing key.
 */
function equalityLiterals(values: readonly SigmaValue[]): string[] | undefined {
  const literals: string[] = [];
  for (const value of values) {
    if (value.kind !== 'string' || value.cased) return undefined;
    const parts: string[] = [];
    for (const part of value.value.parts) {
      if (typeof part !== 'string') return undefined;
      parts.push(part);
    }
    const perPart = parts.map((part) => part.toLowerCase()).join('');
    const whole = parts.join('').toLowerCase();
    literals.push(perPart);
    if (whole !== perPart) literals.push(whole);
  }
  return literals;
}
