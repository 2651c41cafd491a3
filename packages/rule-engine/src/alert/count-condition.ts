import type { CountCondition } from '../model/compiled-rule.js';

/** Whether a count satisfies every bound of the condition (Sigma: several bounds combine with AND). */
export function satisfies(condition: CountCondition, n: number): boolean {
  if (condition.gt !== undefined && !(n > condition.gt)) return false;
  if (condition.gte !== undefined && !(n >= condition.gte)) return false;
  if (condition.lt !== undefined && !(n < condition.lt)) return false;
  if (condition.lte !== undefined && !(n <= condition.lte)) return false;
  if (condition.eq !== undefined && n !== condition.eq) return false;
  return true;
}

/**
 * The count at which a growing window first satisfies the lower bounds. Counts grow one match at a
 * time, so the engine fires exactly there: upper bounds (lt, lte) only narrow, they never delay.
 * Returns undefined when no count satisfies the whole condition.
 */
export function firingCount(condition: CountCondition): number | undefined {
  let n = 1;
  if (condition.gte !== undefined) n = Math.max(n, Math.ceil(condition.gte));
  if (condition.gt !== undefined) n = Math.max(n, Math.floor(condition.gt) + 1);
  if (condition.eq !== undefined) n = Math.max(n, condition.eq);
  return Number.isInteger(n) && satisfies(condition, n) ? n : undefined;
}
