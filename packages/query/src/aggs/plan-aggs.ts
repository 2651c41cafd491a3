import type { BoundQuery } from '../bind/bound-query.js';
import { parseDate } from '../bind/parse-date.js';
import type { FieldCatalog } from '../catalog/field-catalog.js';
import { problemAt, type QueryResult } from '../error/query-problem.js';
import { planQuery } from '../search/plan-search.js';
import type { AggRequest } from './agg-request.schema.js';
import { autoInterval, formatInterval, MAX_BUCKETS, parseInterval } from './interval.js';

export type AggPlan =
  | {
      readonly type: 'terms';
      readonly query: BoundQuery;
      readonly field: string;
      /** Where the values are in a document (multi-fields index another field's value). */
      readonly source: string;
      readonly fieldType: 'keyword' | 'number' | 'ip' | 'boolean';
      readonly size: number;
    }
  | {
      readonly type: 'date_histogram';
      readonly query: BoundQuery;
      readonly field: string;
      readonly intervalMs: number;
      /** The time range [minMs, maxMs): every bucket in it is returned, empty ones too. */
      readonly minMs: number;
      readonly maxMs: number;
    };

const DEFAULT_SPAN_MS = 86_400_000;

export function planAggs(
  catalog: FieldCatalog,
  request: AggRequest,
  options: { now?: number } = {},
): QueryResult<AggPlan> {
  const now = options.now ?? Date.now();
  if (request.type === 'terms') {
    const query = planQuery(catalog, request.query, request.from, request.to, now);
    if (!query.ok) return query;
    if (request.field === undefined) return problemAt(`top values need a 'field'`);
    const type = catalog.typeOf(request.field);
    if (type === undefined) return problemAt(`unknown field '${request.field}' for ${catalog.name}`);
    if (type === 'text' || type === 'date')
      return problemAt(
        `top values work on keyword, number, ip and boolean fields; '${request.field}' is ${type}`,
      );
    return {
      ok: true,
      value: {
        type: 'terms',
        query: query.value,
        field: request.field,
        source: catalog.sourceOf(request.field),
        fieldType: type,
        size: request.size,
      },
    };
  }
  // A histogram always has a bounded range, so it can list its empty buckets.
  const to = request.to ?? 'now';
  const toMs = parseDate(to, now)?.ms;
  const fromMs =
    request.from === undefined ? (toMs ?? now) - DEFAULT_SPAN_MS : parseDate(request.from, now)?.ms;
  const query = planQuery(
    catalog,
    request.query,
    fromMs === undefined ? request.from : new Date(fromMs).toISOString(),
    to,
    now,
  );
  if (!query.ok) return query;
  if (fromMs === undefined || toMs === undefined) return problemAt('the time range is not valid');
  const field = request.field ?? catalog.timeField;
  // Only over the time field: the range filter then bounds the buckets the same way in both backends.
  if (field !== catalog.timeField)
    return problemAt(`a histogram of ${catalog.name} is over '${catalog.timeField}'`);
  const intervalMs =
    request.interval === 'auto' ? autoInterval(toMs - fromMs) : parseInterval(request.interval);
  if (intervalMs === undefined)
    return problemAt(`'${request.interval}' is not an interval (use 30s, 5m, 1h, 1d)`);
  const buckets = Math.floor((toMs - 1) / intervalMs) - Math.floor(fromMs / intervalMs) + 1;
  if (buckets > MAX_BUCKETS) {
    return problemAt(
      `the interval ${formatInterval(intervalMs)} gives ${buckets} buckets; at most ${MAX_BUCKETS} are allowed`,
    );
  }
  return {
    ok: true,
    value: { type: 'date_histogram', query: query.value, field, intervalMs, minMs: fromMs, maxMs: toMs },
  };
}
