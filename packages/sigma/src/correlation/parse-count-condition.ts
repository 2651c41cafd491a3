import type { CountCondition } from '@vigil/rule-engine';
import type { DocumentIssues } from '../issues/issue-collector.js';

const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;

/**
 * A correlation `condition` map: one or more of gt/gte/lt/lte/eq (AND-linked, e.g. a range) and,
 * for value_count, `field`. Returns undefined after reporting when invalid.
 */
export function parseCountCondition(
  condition: Readonly<Record<string, unknown>>,
  issues: DocumentIssues,
): { condition: CountCondition; field?: unknown } | undefined {
  const result: Record<string, number> = {};
  let valid = true;
  for (const [key, value] of Object.entries(condition)) {
    const path = ['correlation', 'condition', key];
    if (key === 'field') continue;
    if (key === 'neq') {
      issues.error(
        'unsupported_correlation',
        path,
        `condition 'neq' is not supported by Vigil's correlation operators`,
      );
      valid = false;
    } else if (!(OPERATORS as readonly string[]).includes(key)) {
      issues.error(
        'invalid_structure',
        path,
        `unknown condition operator '${key}' (use gt, gte, lt, lte, eq)`,
      );
      valid = false;
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      issues.error('invalid_value', path, `condition '${key}' must be a non-negative integer`, 'value');
      valid = false;
    } else {
      result[key] = value;
    }
  }
  if (valid && Object.keys(result).length === 0) {
    issues.error(
      'invalid_structure',
      ['correlation', 'condition'],
      'the condition needs one of gt, gte, lt, lte, eq',
    );
    valid = false;
  }
  if (!valid) return undefined;
  const parsed: CountCondition = result;
  return 'field' in condition ? { condition: parsed, field: condition['field'] } : { condition: parsed };
}
