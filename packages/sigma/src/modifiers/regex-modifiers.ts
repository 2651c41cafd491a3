import { expectFirst, expectKind, type ModifierDefinition } from './modifier-registry.js';
import type { RegexFlags } from './sigma-value.js';

/** `re`: the raw value is a regular expression (compiled later with RE2, linear time). */
export const reModifier: ModifierDefinition = {
  scope: 'value',
  apply: (input, context) => {
    expectFirst('re', context);
    const value = expectKind('re', input, ['string', 'number']);
    const pattern = value.kind === 'string' ? value.raw : String(value.value);
    return {
      kind: 'regex',
      pattern,
      flags: { ignoreCase: false, multiline: false, dotAll: false },
      anchorStart: false,
      anchorEnd: false,
    };
  },
};

function flagModifier(name: string, flag: keyof RegexFlags): ModifierDefinition {
  return {
    scope: 'value',
    apply: (input) => {
      const value = expectKind(name, input, ['regex']);
      return { ...value, flags: { ...value.flags, [flag]: true } };
    },
  };
}

export const ignoreCaseModifier = flagModifier('i', 'ignoreCase');
export const multilineModifier = flagModifier('m', 'multiline');
export const dotAllModifier = flagModifier('s', 'dotAll');
