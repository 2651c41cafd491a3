import { describe, expect, it } from 'vitest';
import { eventsCatalog } from '../catalog/default-catalogs.js';
import { compileQuery } from '../compile-query.js';
import { SEMANTICS_CASES, SEMANTICS_DOCS } from './semantics-table.js';

describe('query semantics table (in-memory predicate)', () => {
  it.each(SEMANTICS_CASES)('$query', ({ query, ids }) => {
    const compiled = compileQuery(query, eventsCatalog);
    if (!compiled.ok) throw new Error(compiled.problem.message);
    const matched = SEMANTICS_DOCS.filter((doc) => compiled.value.matches(doc)).map((doc) => doc.event.id);
    expect(matched).toEqual(ids);
  });
});
