import { describe, expect, it } from 'vitest';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import { SEMANTICS_DOCS } from '../semantics/semantics-table.js';
import { aggRequestSchema } from './agg-request.schema.js';
import { autoInterval, formatInterval, parseInterval } from './interval.js';
import { aggregateInMemory } from './memory-aggs.js';
import { planAggs, type AggPlan } from './plan-aggs.js';

const NOW = Date.parse('2024-03-04T00:00:00Z');

function plan(input: Record<string, string>): AggPlan {
  const result = planAggs(eventsCatalog, aggRequestSchema.parse(input), { now: NOW });
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

describe('aggregateInMemory', () => {
  it('counts top values, ties by key, with the rest as other', () => {
    expect(
      aggregateInMemory(SEMANTICS_DOCS, plan({ type: 'terms', field: 'event.dataset', size: '2' })),
    ).toEqual({
      type: 'terms',
      field: 'event.dataset',
      buckets: [
        { key: 'system.auth', count: 3 },
        { key: 'nginx.access', count: 2 },
      ],
      other: 2,
    });
    expect(
      aggregateInMemory(SEMANTICS_DOCS, plan({ type: 'terms', field: 'tags', query: 'tags:ssh' })),
    ).toMatchObject({
      buckets: [
        { key: 'ssh', count: 2 },
        { key: 'prod', count: 1 },
      ],
    });
    expect(
      aggregateInMemory(SEMANTICS_DOCS, plan({ type: 'terms', field: 'destination.port' })),
    ).toMatchObject({
      buckets: [{ key: 22, count: 1 }],
    });
  });

  it('builds a histogram with every bucket of the range, empty ones too', () => {
    const result = aggregateInMemory(
      SEMANTICS_DOCS,
      plan({
        type: 'date_histogram',
        from: '2024-03-01T00:00:00Z',
        to: '2024-03-04T00:00:00Z',
        interval: '1d',
      }),
    );
    expect(result).toEqual({
      type: 'date_histogram',
      field: '@timestamp',
      interval: '1d',
      buckets: [
        { key: Date.parse('2024-03-01T00:00:00Z'), time: '2024-03-01T00:00:00.000Z', count: 3 },
        { key: Date.parse('2024-03-02T00:00:00Z'), time: '2024-03-02T00:00:00.000Z', count: 2 },
        { key: Date.parse('2024-03-03T00:00:00Z'), time: '2024-03-03T00:00:00.000Z', count: 2 },
      ],
    });
  });

  it('chooses an interval and refuses too many buckets', () => {
    expect(autoInterval(86_400_000)).toBe(1_800_000);
    expect(formatInterval(parseInterval('90m') ?? 0)).toBe('90m');
    expect(formatInterval(7_200_000)).toBe('2h');
    const refused = planAggs(
      eventsCatalog,
      aggRequestSchema.parse({ type: 'date_histogram', interval: '1s', from: 'now-7d' }),
      {
        now: NOW,
      },
    );
    expect(refused.ok ? '' : refused.problem.message).toMatch(/at most 2000 are allowed/);
    const noField = planAggs(eventsCatalog, aggRequestSchema.parse({ type: 'terms' }), { now: NOW });
    expect(noField.ok ? '' : noField.problem.message).toMatch(/need a 'field'/);
  });
});
