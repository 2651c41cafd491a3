/**
 * Bulk indexing throughput against the local Elasticsearch:
 *   node --import tsx packages/elastic/src/bench/bulk-index.bench.ts [docs] [maxDocs per request]
 * Prints one JSON line. Uses (and then deletes) indices under a unique prefix.
 */
import { createBulkIndexer } from '../bulk/bulk-indexer.js';
import { IndexNames } from '../indices/index-names.js';
import { ensureIndexTemplates } from '../templates/ensure-index-templates.js';
import { createTestElastic, deleteTestIndices, sampleEvent, uniqueIndexPrefix } from '../testing/index.js';

const total = Number(process.argv[2] ?? 100_000);
const maxDocs = Number(process.argv[3] ?? 2_000);
const client = createTestElastic();
const prefix = uniqueIndexPrefix();
const names = new IndexNames(prefix);
await ensureIndexTemplates(client, { indexPrefix: prefix, shards: 1, replicas: 0 });
const timestamp = '2024-05-01T10:00:00.000Z';
const index = names.daily('events', timestamp);
// Create the day's index up front so that index creation is not part of the measurement.
await client.indices.create({ index });

const docs = Array.from({ length: total }, (_, i) => {
  const event = sampleEvent({ id: `bench-${i}`, timestamp, sourceIp: `198.51.100.${i % 250}` });
  return { index, id: event.event.id, document: event };
});
const indexer = createBulkIndexer(client, { maxDocs });
const started = performance.now();
// Like the indexer service: consecutive batches of 1000 documents, several in flight.
const reports = await Promise.all(
  Array.from({ length: Math.ceil(total / 1000) }, (_, i) =>
    indexer.index(docs.slice(i * 1000, i * 1000 + 1000)),
  ),
);
const elapsedMs = performance.now() - started;
const indexed = reports.reduce((sum, report) => sum + report.indexed, 0);
await client.indices.refresh({ index });
const stored = (await client.count({ index })).count;
await deleteTestIndices(client, prefix);
await client.close();

console.log(
  JSON.stringify({
    bench: 'es-bulk-index',
    docs: total,
    maxDocsPerRequest: maxDocs,
    indexed,
    stored,
    elapsedMs: Math.round(elapsedMs),
    docsPerSec: Math.round(total / (elapsedMs / 1000)),
  }),
);
