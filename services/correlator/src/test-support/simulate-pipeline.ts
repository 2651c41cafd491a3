/**
 * The correlator's two stages without Kafka: events of several upstream partitions, routed in a
 * random interleaving (with re-sent chunks, as after a stage-1 rebalance) to repartition logs with
 * watermark markers, then applied per partition with crashes (restore from an older checkpoint and
 * replay). What the pipeline would compute on the real stack, for any timing.
 */
import { stableId } from '@vigil/core';
import { createPrng } from '@vigil/loggen';
import type { RuleSet } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { decodeCheckpoint, encodeCheckpoint, CHECKPOINT_VERSION } from '../checkpoint/checkpoint-codec.js';
import { computeFamilies } from '../families/compute-families.js';
import { emptyOutput, PartitionState } from '../partition/partition-state.js';
import { EventRouter } from '../routing/event-router.js';
import type { RepartitionRecord } from '../routing/repartition-record.js';
import type { UpstreamMark } from '../watermark/watermark-marker.schema.js';

export interface SimulationOptions {
  readonly seed: number;
  readonly upstreamPartitions: number;
  readonly repartitionPartitions: number;
  readonly latenessMs: number;
  /** Chance that a routed chunk is sent twice (a stage-1 member lost its partition before committing). */
  readonly resendChance: number;
  /** Chance, per applied record, of a crash that restores the last checkpoint and replays from it. */
  readonly crashChance: number;
}

export interface SimulationResult {
  readonly alertIds: ReadonlySet<string>;
  readonly emitted: number;
  readonly duplicatesDropped: number;
  readonly late: number;
  readonly restores: number;
}

const bucket = (key: string, n: number): number => Number.parseInt(stableId(key).slice(0, 8), 16) % n;

const entityOf = (event: VigilEvent): string =>
  event.source?.ip ?? event.user?.name ?? event.host?.hostname ?? event.event.id;

export function simulatePipeline(
  ruleSet: RuleSet,
  events: readonly VigilEvent[],
  options: SimulationOptions,
): SimulationResult {
  const rng = createPrng(options.seed);
  const topology = computeFamilies(ruleSet);
  const router = new EventRouter(topology);
  const upstream: VigilEvent[][] = Array.from({ length: options.upstreamPartitions }, () => []);
  for (const event of events) upstream[bucket(entityOf(event), options.upstreamPartitions)]?.push(event);

  const logs: { record: RepartitionRecord; value: Buffer }[][] = Array.from(
    { length: options.repartitionPartitions },
    () => [],
  );
  const alertIds = new Set<string>();
  let emitted = 0;
  const cursor = upstream.map(() => 0);
  const newest = upstream.map((): number | null => null);
  const broadcast = (marks: UpstreamMark[]): void => {
    const marker = { marker: 'watermark' as const, partitions: options.upstreamPartitions, upstreams: marks };
    for (const log of logs) log.push({ record: { kind: 'watermark', marker }, value: Buffer.alloc(0) });
  };
  for (;;) {
    const open = upstream.flatMap((list, u) => ((cursor[u] ?? 0) < list.length ? [u] : []));
    if (open.length === 0) break;
    const u = rng.pick(open);
    const list = upstream[u] ?? [];
    const from = cursor[u] ?? 0;
    const to = Math.min(list.length, from + rng.int(1, 60));
    const sends = (): void => {
      for (let offset = from; offset < to; offset++) {
        const event = list[offset];
        if (event === undefined) continue;
        const ts = Date.parse(event['@timestamp']);
        const routed = router.route(event, ts);
        for (const alert of routed.alerts) alertIds.add(alert.id);
        emitted += routed.alerts.length;
        const value = Buffer.from(JSON.stringify(event));
        for (const copy of routed.copies) {
          logs[bucket(copy.key, logs.length)]?.push({
            record: {
              kind: 'event',
              family: copy.family,
              upstream: u,
              upstreamOffset: BigInt(offset),
              value,
            },
            value,
          });
        }
        newest[u] = Math.max(newest[u] ?? ts, ts);
      }
    };
    sends();
    if (rng.next() < options.resendChance) sends();
    cursor[u] = to;
    if (rng.next() < 0.4) broadcast([{ partition: u, ts: newest[u] ?? null, idle: false }]);
  }
  broadcast(newest.map((ts, partition) => ({ partition, ts, idle: true })));

  let duplicatesDropped = 0;
  let late = 0;
  let restores = 0;
  const families = topology.families;
  const stateOptions = { latenessMs: options.latenessMs };
  for (const log of logs) {
    let state = new PartitionState(families, stateOptions, { offset: 0n });
    let checkpoint = { offset: 0n, bytes: encodeCheckpoint(state.snapshot()) };
    for (let i = 0; i < log.length;) {
      const entry = log[i];
      if (entry === undefined) break;
      const out = emptyOutput();
      state.apply(BigInt(i), entry.record, entry.value, out);
      for (const alert of out.alerts) alertIds.add(alert.id);
      emitted += out.alerts.length;
      duplicatesDropped += out.duplicates;
      late += out.late.length;
      i++;
      if (rng.next() < 0.02)
        checkpoint = { offset: state.applied, bytes: encodeCheckpoint(state.snapshot()) };
      if (rng.next() < options.crashChance) {
        restores++;
        const snapshot = decodeCheckpoint(CHECKPOINT_VERSION, checkpoint.bytes);
        state = new PartitionState(families, stateOptions, { offset: checkpoint.offset, snapshot });
        i = Number(checkpoint.offset);
      }
    }
  }
  return { alertIds, emitted, duplicatesDropped, late, restores };
}
