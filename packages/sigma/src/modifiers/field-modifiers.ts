import { isIP } from 'node:net';
import { hasWildcards } from '../match/sigma-string.js';
import { RuleCompileError } from '../rule/rule-compile-error.js';
import { expectFirst, expectKind, type ModifierDefinition } from './modifier-registry.js';

export const existsModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input, context) => {
    if (!context.hasField) throw new RuleCompileError('invalid_modifier_use', `'exists' needs a field`);
    expectFirst('exists', context);
    const value = expectKind('exists', input, ['bool']);
    return { kind: 'exists', value: value.value };
  },
};

export const fieldrefModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input, context) => {
    if (!context.hasField) throw new RuleCompileError('invalid_modifier_use', `'fieldref' needs a field`);
    const value = expectKind('fieldref', input, ['string']);
    if (hasWildcards(value.value)) {
      throw new RuleCompileError(
        'invalid_modifier_use',
        `a field reference cannot contain wildcards: '${value.raw}'`,
      );
    }
    return {
      kind: 'fieldref',
      fields: context.mapField(value.value.parts.join('')),
      startsWith: false,
      endsWith: false,
      cased: false,
    };
  },
};

/** Validates `a.b.c.d/n` or `v6::/n`, both families (RFC 4632 / RFC 4291 prefixes). */
export function parseCidr(
  text: string,
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const slash = text.lastIndexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const version = isIP(address);
  if (version === 0) return undefined;
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export const cidrModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input, context) => {
    expectFirst('cidr', context);
    const value = expectKind('cidr', input, ['string']);
    if (parseCidr(value.raw) === undefined) {
      throw new RuleCompileError('invalid_cidr', `'${value.raw}' is not an IPv4 or IPv6 CIDR network`);
    }
    return { kind: 'cidr', network: value.raw };
  },
};
