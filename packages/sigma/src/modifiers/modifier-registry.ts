import { RuleCompileError } from '../rule/rule-compile-error.js';
import { describeValue, type SigmaValue, type SigmaValueKind } from './sigma-value.js';

export interface ModifierContext {
  /** Modifiers applied before this one, in rule order. */
  readonly applied: readonly string[];
  /** False for keyword items (no field). */
  readonly hasField: boolean;
  /** Maps a Sigma field name to the event field(s) it reads; throws on an unsupported field. */
  readonly mapField: (sigmaField: string) => readonly string[];
}

/** Item-wide state that list modifiers change. */
export interface ItemState {
  linking: 'or' | 'and';
  negated: boolean;
}

export type ModifierDefinition =
  /** Transforms each value (may expand one value into several). */
  | {
      readonly scope: 'value';
      readonly apply: (value: SigmaValue, context: ModifierContext) => SigmaValue | readonly SigmaValue[];
    }
  /** Changes how the item's values combine (`all`, `neq`). */
  | { readonly scope: 'item'; readonly apply: (state: ItemState, context: ModifierContext) => void }
  /** `expand`: placeholders are resolved from list files before any other modifier runs. */
  | { readonly scope: 'placeholder' }
  /** Known to Sigma but meaningless for Vigil's logs; rejected with the reason. */
  | { readonly scope: 'unsupported'; readonly reason: string };

/** Name -> definition, like pySigma's modifier_mapping; Vigil-specific modifiers register here too. */
export class ModifierRegistry {
  private readonly definitions = new Map<string, ModifierDefinition>();

  register(name: string, definition: ModifierDefinition): this {
    this.definitions.set(name, definition);
    return this;
  }

  get(name: string): ModifierDefinition | undefined {
    return this.definitions.get(name);
  }

  names(): string[] {
    return [...this.definitions.keys()].sort();
  }
}

/** Rejects a value of the wrong type for a modifier, naming both. */
export function expectKind<K extends SigmaValueKind>(
  modifier: string,
  value: SigmaValue,
  kinds: readonly K[],
): Extract<SigmaValue, { kind: K }> {
  if ((kinds as readonly SigmaValueKind[]).includes(value.kind))
    return value as Extract<SigmaValue, { kind: K }>;
  throw new RuleCompileError(
    'invalid_modifier_use',
    `modifier '${modifier}' cannot apply to ${describeValue(value)} (expects ${kinds.join(' or ')})`,
  );
}

const NOT_VALUE_CHANGING = new Set(['expand', 'all', 'neq']);

/** For modifiers that must come first (re, cidr, exists): pySigma's "only applicable to unmodified values". */
export function expectFirst(modifier: string, context: ModifierContext): void {
  const previous = context.applied.filter((name) => !NOT_VALUE_CHANGING.has(name));
  if (previous.length > 0) {
    throw new RuleCompileError(
      'invalid_modifier_use',
      `modifier '${modifier}' must come first (found after '${previous.join('|')}')`,
    );
  }
}
