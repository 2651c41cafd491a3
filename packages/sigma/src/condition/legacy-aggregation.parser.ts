/** The pre-2.0 `| count(field) by group > N` condition suffix that Vigil turns into a correlation. */
export interface LegacyAggregation {
  /** Field whose distinct values are counted; undefined = count events. */
  readonly field?: string;
  readonly groupBy: readonly string[];
  readonly operator: 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
  readonly value: number;
}

const COUNT =
  /^count\(\s*([\w.-]*)\s*\)\s*(?:by\s+([\w.-]+(?:\s*,\s*[\w.-]+)*)\s*)?(<=|>=|==|=|<|>)\s*(\d+)\s*$/i;
const OPERATORS = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte', '=': 'eq', '==': 'eq' } as const;

/** Parses the text after `|`; undefined when it is not a `count()` aggregation (near, sum, min...). */
export function parseLegacyAggregation(text: string): LegacyAggregation | undefined {
  const match = COUNT.exec(text.trim());
  if (match === null) return undefined;
  const [, field = '', groups, operator = '>', value = '0'] = match;
  return {
    ...(field.length > 0 ? { field } : {}),
    groupBy: groups === undefined ? [] : groups.split(',').map((group) => group.trim()),
    operator: OPERATORS[operator as keyof typeof OPERATORS],
    value: Number(value),
  };
}
