import { toPredicate } from '../memory/to-predicate.js';
import { encodeCursor, type SortValue } from './cursor.js';
import type { SearchPlan } from './plan-search.js';
import { TOTAL_HITS_LIMIT, type SearchPage } from './search-request.schema.js';
import { compareSortValues, sortValuesReader } from './sort-values.js';

/**
 * Runs a search plan over documents in memory with Elasticsearch's semantics: the same matches,
 * order, `search_after` paging and capped total as the ES translation of the same plan.
 */
export function searchInMemory<T>(docs: Iterable<T>, plan: SearchPlan): SearchPage<T> {
  const matches = toPredicate(plan.query);
  const sortValuesOf = sortValuesReader(plan.sort);
  let rows: { doc: T; values: SortValue[] }[] = [];
  let more = false;
  const keep = plan.size + 1;
  /** Sorts and keeps the first `keep` rows; true when it dropped some. */
  const trim = (): boolean => {
    rows.sort((a, b) => compareSortValues(a.values, b.values, plan.sort));
    if (rows.length <= keep) return false;
    rows = rows.slice(0, keep);
    return true;
  };
  let total = 0;
  for (const doc of docs) {
    if (!matches(doc)) continue;
    total++;
    const values = sortValuesOf(doc);
    if (plan.after !== undefined && compareSortValues(values, plan.after, plan.sort) <= 0) continue;
    rows.push({ doc, values });
    // Only the first size+1 rows matter: trim now and then instead of sorting every match.
    if (rows.length >= keep * 4 && trim()) more = true;
  }
  if (trim()) more = true;
  const page = rows.slice(0, plan.size);
  const last = page.at(-1);
  return {
    hits: page.map((row) => row.doc),
    total:
      total > TOTAL_HITS_LIMIT
        ? { value: TOTAL_HITS_LIMIT, relation: 'gte' }
        : { value: total, relation: 'eq' },
    cursor:
      (more || rows.length > plan.size) && last !== undefined
        ? encodeCursor(plan.signature, last.values)
        : null,
  };
}
