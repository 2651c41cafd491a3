import { Buffer } from 'node:buffer';
import { hasWildcards, literalSigmaString } from '../match/sigma-string.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import { expectKind, type ModifierDefinition } from './modifier-registry.js';
import type { SigmaValue } from './sigma-value.js';

function plainBytes(name: string, input: SigmaValue): Buffer {
  const value = expectKind(name, input, ['string']);
  if (hasWildcards(value.value)) {
    throw new RuleCompileError('invalid_modifier_use', `'${name}' cannot encode a value with wildcards`);
  }
  return Buffer.from(value.value.parts.join(''), 'utf8');
}

// Base64 text is case-sensitive: matching it case-insensitively would match other bytes.
function encoded(text: string): SigmaValue {
  return { kind: 'string', value: literalSigmaString(text), raw: text, cased: true };
}

export const base64Modifier: ModifierDefinition = {
  scope: 'value',
  apply: (input) => encoded(plainBytes('base64', input).toString('base64')),
};

const START_OFFSETS = [0, 2, 3] as const;
const END_OFFSETS = [undefined, -3, -2] as const;

/**
 * The three base64 forms a value takes depending on its byte offset in the encoded data, minus
 * the edge characters that depend on neighbouring bytes (pySigma's algorithm).
 */
export function base64Offsets(data: Buffer): string[] {
  const variants: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const full = Buffer.concat([Buffer.alloc(shift, 0x20), data]).toString('base64');
    const end = END_OFFSETS[(data.length + shift) % 3];
    variants.push(full.slice(START_OFFSETS[shift], end));
  }
  return variants;
}

export const base64offsetModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input) => ({
    kind: 'expansion',
    values: base64Offsets(plainBytes('base64offset', input)).map(encoded),
  }),
};
