import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestElastic, deleteTestIndices } from '@vigil/elastic/testing';
import type { Kafka } from '@vigil/kafka';
import { createTestKafka } from '@vigil/kafka/testing';
import { waitFor } from '@vigil/testing';
import { demoLog, mergeByEventTime, mixedLog, parseLines } from '../testing/fixture-logs.js';
import { produceLines, startPipeline, vigilReplayIds, type Pipeline } from '../testing/pipeline-kit.js';

const elastic = createTestElastic();
let kafka: Kafka;
let pipeline: Pipeline | undefined;

beforeAll(() => {
  kafka = createTestKafka();
});

afterAll(async () => {
  await pipeline?.stop();
  if (pipeline !== undefined) await deleteTestIndices(elastic, pipeline.indexPrefix);
  await elastic.close();
});

/** Every alert id in the pipeline's alert indices. */
async function alertIdsInElasticsearch(prefix: string): Promise<string[]> {
  const index = `${prefix}-alerts-*`;
  await elastic.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const result = await elastic.search({ index, size: 10_000, _source: false, ignore_unavailable: true });
  return result.hits.hits.map((hit) => hit._id ?? '').sort();
}

describe('live equals replay (ingestor → correlator → indexer → Elasticsearch)', () => {
  it('indexes exactly the alerts `vigil replay` finds in the same log', async () => {
    const lines = mergeByEventTime([demoLog().map((l) => l.line), mixedLog(1_500).map((l) => l.line)]).map(
      (l) => l.line,
    );
    const expected = await vigilReplayIds(lines);
    expect(expected.length).toBeGreaterThan(30);
    // The demo log ends with a host falling silent: only the end of input (all upstream partitions
    // idle) lets that absence alert fire, as the end of the file does in replay.
    pipeline = await startPipeline(kafka);
    await produceLines(kafka, pipeline.rawTopic, lines);

    let last: string[] = [];
    await waitFor(
      async () => {
        last = await alertIdsInElasticsearch(pipeline?.indexPrefix ?? '');
        return last.length >= expected.length;
      },
      { timeoutMs: 90_000, intervalMs: 1_000, description: `${expected.length} alerts in Elasticsearch` },
    );
    // Nothing more arrives afterwards.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await alertIdsInElasticsearch(pipeline.indexPrefix)).toEqual(expected);
    expect(last).toEqual(expected);
    // Events have their own indexer lane: all alerts in says nothing about the events, so wait for them.
    const eventIds = new Set(parseLines(lines).map((event) => event.event.id)).size;
    const eventsIndex = `${pipeline.indexPrefix}-events-*`;
    let indexed = 0;
    await waitFor(
      async () => {
        await elastic.indices.refresh({
          index: eventsIndex,
          ignore_unavailable: true,
          allow_no_indices: true,
        });
        indexed = (await elastic.count({ index: eventsIndex })).count;
        return indexed >= eventIds;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `${eventIds} events in Elasticsearch` },
    );
    expect(indexed).toBe(eventIds);
  });
});
