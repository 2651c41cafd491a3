import { ConditionSyntaxError } from './condition-syntax-error.js';

export type ConditionTokenType = 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'of' | 'word' | 'pipe' | 'end';

export interface ConditionToken {
  readonly type: ConditionTokenType;
  /** The word itself, lowercased operators excepted. */
  readonly text: string;
  readonly position: number;
}

const WORD = /[A-Za-z0-9_\-.*]/;
const OPERATORS: Readonly<Record<string, ConditionTokenType>> = {
  and: 'and',
  or: 'or',
  not: 'not',
  of: 'of',
};

/** Splits a condition into tokens; stops at `|` (the legacy aggregation syntax is handled apart). */
export function tokenizeCondition(condition: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let i = 0;
  while (i < condition.length) {
    const c = condition.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(') {
      tokens.push({ type: 'lparen', text: c, position: i++ });
    } else if (c === ')') {
      tokens.push({ type: 'rparen', text: c, position: i++ });
    } else if (c === '|') {
      tokens.push({ type: 'pipe', text: c, position: i });
      break;
    } else if (WORD.test(c)) {
      const start = i;
      while (i < condition.length && WORD.test(condition.charAt(i))) i++;
      const text = condition.slice(start, i);
      const operator = OPERATORS[text.toLowerCase()];
      tokens.push(
        operator === undefined
          ? { type: 'word', text, position: start }
          : { type: operator, text: text.toLowerCase(), position: start },
      );
    } else {
      throw new ConditionSyntaxError(`unexpected character '${c}'`, i);
    }
  }
  tokens.push({ type: 'end', text: '', position: condition.length });
  return tokens;
}
