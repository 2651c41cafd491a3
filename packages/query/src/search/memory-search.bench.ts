import { eventsCatalog } from '../catalog/default-catalogs.js';
import { compileQuery } from '../compile-query.js';
import { searchInMemory } from './memory-search.js';
import { planSearch } from './plan-search.js';
import { searchRequestSchema } from './search-request.schema.js';

// Speed of the query language on the embedded store: compiling a query, and a search over 100k
// events. Run: node --import tsx packages/query/src/search/memory-search.bench.ts
const EVENTS = 100_000;
const QUERY =
  'event.outcome:failure and source.ip:10.0.0.0/8 and not user.name:(backup or deploy) and message:"failed password"';

const docs = Array.from({ length: EVENTS }, (_, i) => ({
  '@timestamp': new Date(Date.parse('2026-03-01T00:00:00Z') + i * 1000).toISOString(),
  message: `${i % 3 === 0 ? 'Failed' : 'Accepted'} password for user${i % 50} from 10.0.${(i >> 8) & 255}.${i & 255} port ${20000 + (i % 40000)} ssh2`,
  event: { id: `e${i}`, outcome: i % 3 === 0 ? 'failure' : 'success', dataset: 'system.auth' },
  source: { ip: i % 5 === 0 ? `203.0.113.${i & 255}` : `10.0.${(i >> 8) & 255}.${i & 255}` },
  user: { name: i % 7 === 0 ? 'backup' : `user${i % 50}` },
}));

function time(
  label: string,
  runs: number,
  fn: () => unknown,
): { label: string; runs: number; msPerRun: number } {
  fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const msPerRun = (performance.now() - start) / runs;
  return { label, runs, msPerRun: Math.round(msPerRun * 1000) / 1000 };
}

const results = [
  time('compile query (parse+bind+DSL+predicate)', 20_000, () => compileQuery(QUERY, eventsCatalog)),
  time(`search ${EVENTS} events, size 50`, 10, () => {
    const plan = planSearch(eventsCatalog, searchRequestSchema.parse({ query: QUERY, size: 50 }));
    if (!plan.ok) throw new Error(plan.problem.message);
    return searchInMemory(docs, plan.value);
  }),
];
for (const result of results) console.log(JSON.stringify({ bench: 'query', ...result }));
