import { describe, expect, it } from 'vitest';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import { SEMANTICS_DOCS } from '../semantics/semantics-table.js';
import { searchInMemory } from './memory-search.js';
import { planSearch, type SearchPlan } from './plan-search.js';
import { searchRequestSchema, type SearchRequestInput } from './search-request.schema.js';

const NOW = Date.parse('2024-03-04T00:00:00Z');

function plan(input: SearchRequestInput): SearchPlan {
  const result = planSearch(eventsCatalog, searchRequestSchema.parse(input), { now: NOW });
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function ids(input: SearchRequestInput): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = searchInMemory(
      SEMANTICS_DOCS,
      plan({ ...input, ...(cursor === undefined ? {} : { cursor }) }),
    );
    pages.push(page.hits.map((doc) => doc.event.id));
    if (page.cursor === null) break;
    cursor = page.cursor;
  }
  return pages;
}

describe('searchInMemory', () => {
  it('pages newest first with search_after cursors, each hit once', () => {
    expect(ids({ size: 3 })).toEqual([['e7', 'e6', 'e5'], ['e4', 'e3', 'e2'], ['e1']]);
    expect(ids({ size: 7 })).toEqual([['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1']]);
  });

  it('sorts by any keyword, number or date field, missing values last, id as tiebreaker', () => {
    expect(ids({ size: 4, sort: [{ field: 'source.port', order: 'asc' }] })).toEqual([
      ['e3', 'e1', 'e2', 'e4'],
      ['e5', 'e6', 'e7'],
    ]);
    expect(ids({ size: 10, sort: [{ field: 'host.hostname', order: 'desc' }] })).toEqual([
      ['e3', 'e1', 'e2', 'e4', 'e5', 'e6', 'e7'],
    ]);
  });

  it('limits to the time range [from, to)', () => {
    expect(ids({ from: '2024-03-01T10:05:00Z', to: '2024-03-02T08:30:00Z' })).toEqual([['e4', 'e3', 'e2']]);
    expect(ids({ query: 'event.outcome:failure', from: 'now-3d' })).toEqual([['e2', 'e1']]);
  });

  it('counts all matches, not just the page', () => {
    const page = searchInMemory(SEMANTICS_DOCS, plan({ size: 1, query: 'tags:*' }));
    expect(page.total).toEqual({ value: 3, relation: 'eq' });
  });

  it('refuses a cursor from another sort, a tampered one, and bad requests', () => {
    const first = searchInMemory(SEMANTICS_DOCS, plan({ size: 1 }));
    const refused = (input: SearchRequestInput): string => {
      const result = planSearch(eventsCatalog, searchRequestSchema.parse(input), { now: NOW });
      if (result.ok) throw new Error('expected a refusal');
      return result.problem.message;
    };
    expect(refused({ cursor: first.cursor ?? '', sort: [{ field: 'source.port', order: 'asc' }] })).toMatch(
      /cursor is not valid/,
    );
    expect(refused({ cursor: 'bm90IGpzb24' })).toMatch(/cursor is not valid/);
    expect(refused({ cursor: '{"v":1}' })).toMatch(/cursor is not valid/);
    expect(refused({ sort: [{ field: 'message', order: 'asc' }] })).toMatch(
      /only keyword, number and date fields sort/,
    );
    expect(refused({ sort: [{ field: 'nope', order: 'asc' }] })).toMatch(/unknown field 'nope'/);
    expect(refused({ from: 'now', to: 'now-1h' })).toMatch(/'from' must be before 'to'/);
    expect(refused({ from: 'last tuesday' })).toMatch(/'from' is not a date/);
  });

  it('pages through many documents with equal sort keys, each once, in order', () => {
    const docs = Array.from({ length: 500 }, (_, i) => ({
      '@timestamp': new Date(Date.parse('2024-03-01T00:00:00Z') + (i % 7) * 1000).toISOString(),
      event: { id: `d${String(i).padStart(3, '0')}` },
      source: { port: i % 11 },
    }));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 200; i++) {
      const page = searchInMemory(docs, plan({ size: 7, ...(cursor === undefined ? {} : { cursor }) }));
      seen.push(...page.hits.map((doc) => doc.event.id));
      if (page.cursor === null) break;
      cursor = page.cursor;
    }
    const expected = [...docs]
      .sort((a, b) => b['@timestamp'].localeCompare(a['@timestamp']) || a.event.id.localeCompare(b.event.id))
      .map((doc) => doc.event.id);
    expect(seen).toEqual(expected);
  });
});
