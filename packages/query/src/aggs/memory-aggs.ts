import { fieldReader } from '../memory/field-values.js';
import { toEpochMs, toPredicate } from '../memory/to-predicate.js';
import { compareCodePoints } from '../search/sort-values.js';
import type { AggResult, HistogramBucket } from './agg-request.schema.js';
import { formatInterval } from './interval.js';
import type { AggPlan } from './plan-aggs.js';

function termKey(value: unknown, type: 'keyword' | 'number' | 'ip' | 'boolean'): string | number | undefined {
  if (type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  if (type === 'boolean') {
    if (value === true || value === 'true') return 'true';
    if (value === false || value === 'false') return 'false';
    return undefined;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** A plan's aggregation over documents in memory, bucketed and ordered as Elasticsearch does. */
export function aggregateInMemory(docs: Iterable<unknown>, plan: AggPlan): AggResult {
  const matches = toPredicate(plan.query);
  if (plan.type === 'terms') {
    const read = fieldReader(plan.source);
    const counts = new Map<string | number, number>();
    for (const doc of docs) {
      if (!matches(doc)) continue;
      // A document counts once per distinct value, as in a terms aggregation.
      const keys = new Set<string | number>();
      for (const value of read(doc)) {
        const key = termKey(value, plan.fieldType);
        if (key !== undefined) keys.add(key);
      }
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => {
      if (a[1] !== b[1]) return b[1] - a[1];
      if (typeof a[0] === 'number' && typeof b[0] === 'number') return a[0] - b[0];
      return compareCodePoints(String(a[0]), String(b[0]));
    });
    const top = sorted.slice(0, plan.size);
    const other = sorted.slice(plan.size).reduce((sum, [, count]) => sum + count, 0);
    return { type: 'terms', field: plan.field, buckets: top.map(([key, count]) => ({ key, count })), other };
  }
  const step = plan.intervalMs;
  const first = Math.floor(plan.minMs / step) * step;
  const last = Math.floor((plan.maxMs - 1) / step) * step;
  const counts = new Map<number, number>();
  const readTime = fieldReader(plan.field);
  for (const doc of docs) {
    if (!matches(doc)) continue;
    const keys = new Set<number>();
    for (const value of readTime(doc)) {
      const ms = toEpochMs(value);
      if (ms !== undefined) keys.add(Math.floor(ms / step) * step);
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets: HistogramBucket[] = [];
  for (let key = first; key <= last; key += step) {
    buckets.push({ key, time: new Date(key).toISOString(), count: counts.get(key) ?? 0 });
  }
  return { type: 'date_histogram', field: plan.field, interval: formatInterval(step), buckets };
}
