import type { Client } from '@elastic/elasticsearch';
import { stackEndpoints, uniqueName } from '@vigil/testing';
import { createElasticClient } from '../client/create-elastic-client.js';

/** A client for the local stack's Elasticsearch. */
export function createTestElastic(url: string = stackEndpoints.elasticsearchUrl): Client {
  return createElasticClient({ url, requestTimeoutMs: 30_000 });
}

/** An index prefix no other test uses (lowercase, as index names must be). */
export function uniqueIndexPrefix(): string {
  return uniqueName('t').toLowerCase();
}

/** Deletes the indices and index templates a test made under its prefix. */
export async function deleteTestIndices(client: Client, prefix: string): Promise<void> {
  await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true, allow_no_indices: true });
  await client.indices.deleteIndexTemplate({ name: `${prefix}-*` }, { ignore: [404] });
}
