import { literalSigmaString, wrapWildcards } from '../match/sigma-string.js';
import { expectKind, type ModifierContext, type ModifierDefinition } from './modifier-registry.js';
import type { SigmaValue } from './sigma-value.js';

/** Numbers under a string modifier are matched as their decimal text (`dst_port|startswith: 80`). */
function asString(value: SigmaValue): SigmaValue {
  if (value.kind !== 'number') return value;
  const raw = String(value.value);
  return { kind: 'string', value: literalSigmaString(raw), raw, cased: false };
}

function wildcardModifier(name: string, before: boolean, after: boolean): ModifierDefinition {
  return {
    scope: 'value',
    apply: (input: SigmaValue, _context: ModifierContext): SigmaValue => {
      const value = expectKind(name, asString(input), ['string', 'regex', 'fieldref']);
      if (value.kind === 'string') return { ...value, value: wrapWildcards(value.value, before, after) };
      if (value.kind === 'regex') {
        // Regexes already search anywhere; startswith/endswith anchor the side they name.
        return {
          ...value,
          anchorStart: value.anchorStart || (!before && after),
          anchorEnd: value.anchorEnd || (before && !after),
        };
      }
      return { ...value, startsWith: value.startsWith || after, endsWith: value.endsWith || before };
    },
  };
}

export const containsModifier = wildcardModifier('contains', true, true);
export const startswithModifier = wildcardModifier('startswith', false, true);
export const endswithModifier = wildcardModifier('endswith', true, false);

export const casedModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input) => {
    const value = expectKind('cased', asString(input), ['string', 'fieldref']);
    return { ...value, cased: true };
  },
};

export const allModifier: ModifierDefinition = {
  scope: 'item',
  apply: (state) => {
    state.linking = 'and';
  },
};

/** Sigma 2.1 `neq`: the item matches when the field is none of the values (pySigma negates the item). */
export const neqModifier: ModifierDefinition = {
  scope: 'item',
  apply: (state) => {
    state.negated = !state.negated;
  },
};
