/** Parsed Sigma condition. `position` is the 0-based offset in the condition string. */
export type ConditionNode =
  | { readonly type: 'and' | 'or'; readonly operands: readonly ConditionNode[]; readonly position: number }
  | { readonly type: 'not'; readonly operand: ConditionNode; readonly position: number }
  | { readonly type: 'ref'; readonly name: string; readonly position: number }
  /** `1 of sel*`, `all of them` (`pattern` is `them`). */
  | {
      readonly type: 'of';
      readonly quantifier: 'any' | 'all';
      readonly pattern: string;
      readonly position: number;
    };
