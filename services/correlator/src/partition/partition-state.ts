import { createEngine, type Engine, type EngineOutput, type EngineSnapshot } from '@vigil/rule-engine';
import type { Alert, VigilEvent } from '@vigil/schema';
import type { RuleFamily } from '../families/rule-family.js';
import type { RepartitionRecord } from '../routing/repartition-record.js';
import { UpstreamWatermarks } from '../watermark/upstream-watermarks.js';
import type { PartitionSnapshot } from './partition-snapshot.js';
import { PARTITION_SNAPSHOT_FORMAT } from './partition-snapshot.js';

export interface PartitionStateOptions {
  /** How far behind its upstream partition's newest event an event may be and still count. */
  readonly latenessMs: number;
  readonly maxKeys?: number;
  readonly maxEvidence?: number;
  readonly newTermsLearning?: boolean;
  /** new_terms learning start, the same for every partition (see the engine's option). */
  readonly newTermsLearningFromMs?: number;
  /** Partitions of the repartition topic, recorded in snapshots to detect a resize. */
  readonly partitions?: number;
}

export interface LateCopy {
  readonly family: string;
  readonly event: VigilEvent;
  readonly latenessMs: number;
  readonly watermark: string;
}

/** What applying records produced, gathered until the caller sends it. */
export interface PartitionOutput {
  readonly alerts: Alert[];
  readonly late: LateCopy[];
  readonly invalid: { readonly offset: bigint; readonly reason: string; readonly value: Buffer | null }[];
  readonly ruleErrors: { readonly ruleId: string; readonly message: string; readonly eventId?: string }[];
  duplicates: number;
  unknownFamily: number;
  events: number;
}

export function emptyOutput(): PartitionOutput {
  return { alerts: [], late: [], invalid: [], ruleErrors: [], duplicates: 0, unknownFamily: 0, events: 0 };
}

// The engines never move their watermark themselves: markers do (see advance()). This lateness is
// therefore only a bound no event time can reach.
const MARKERS_ONLY = Number.MAX_SAFE_INTEGER;

/**
 * Stage 2 of the correlator for one repartition partition, pure: one engine per family fed the
 * partition's records in offset order, watermarks from the markers, duplicates of re-sent copies
 * dropped. Its state is a function of the partition's records alone, so any instance that replays
 * them from a snapshot computes the same alerts.
 */
export class PartitionState {
  private readonly engines = new Map<string, Engine>();
  private readonly watermarks: UpstreamWatermarks;
  /** Highest upstream offset applied per family and upstream partition. */
  private readonly lastUpstream = new Map<string, bigint>();
  private wm = Number.NEGATIVE_INFINITY;
  /** The next offset of the partition to apply: everything before it is in the state. */
  applied: bigint;

  constructor(
    families: readonly RuleFamily[],
    private readonly options: PartitionStateOptions,
    start: { readonly offset: bigint; readonly snapshot?: PartitionSnapshot },
  ) {
    this.applied = start.offset;
    const saved = start.snapshot;
    this.watermarks =
      saved === undefined ? new UpstreamWatermarks() : UpstreamWatermarks.restore(saved.upstreams);
    if (saved !== undefined) {
      this.wm = saved.watermark ?? Number.NEGATIVE_INFINITY;
      for (const [key, offset] of saved.dedup) this.lastUpstream.set(key, BigInt(offset));
    }
    const engines = new Map(saved?.engines ?? []);
    for (const family of families) this.install(family, engines.get(family.id));
  }

  get watermark(): number | undefined {
    return Number.isFinite(this.wm) ? this.wm : undefined;
  }

  /** Newest upstream event time reported by the markers. */
  get newestUpstream(): number | undefined {
    return this.watermarks.newest;
  }

  /** Applies the record at `offset` (or, as a string, why it could not be decoded). */
  apply(
    offset: bigint,
    record: RepartitionRecord | string,
    value: Buffer | null,
    out: PartitionOutput,
  ): void {
    if (offset < this.applied) return;
    this.applied = offset + 1n;
    if (typeof record === 'string') {
      out.invalid.push({ offset, reason: record, value });
      return;
    }
    if (record.kind === 'watermark') {
      this.watermarks.apply(record.marker);
      const target = this.watermarks.target(this.options.latenessMs);
      if (target !== undefined && target > this.wm) this.advance(target, out);
      return;
    }
    const dedupKey = `${record.family}\u0000${record.upstream}`;
    const last = this.lastUpstream.get(dedupKey);
    if (last !== undefined && record.upstreamOffset <= last) {
      out.duplicates++;
      return;
    }
    this.lastUpstream.set(dedupKey, record.upstreamOffset);
    const engine = this.engines.get(record.family);
    if (engine === undefined) {
      out.unknownFamily++;
      return;
    }
    let event: unknown;
    try {
      event = JSON.parse(record.value.toString('utf8'));
    } catch {
      out.invalid.push({ offset, reason: 'event copy is not JSON', value });
      return;
    }
    out.events++;
    collect(record.family, engine.push(event), out);
  }

  /** Swaps the families: engines of families that stay keep the state of unchanged rules. */
  reload(families: readonly RuleFamily[]): void {
    const keep = new Set(families.map((family) => family.id));
    for (const id of [...this.engines.keys()]) if (!keep.has(id)) this.engines.delete(id);
    for (const family of families) {
      const engine = this.engines.get(family.id);
      if (engine === undefined) this.install(family, undefined);
      else engine.reload(family.ruleSet);
    }
  }

  snapshot(): PartitionSnapshot {
    return {
      format: PARTITION_SNAPSHOT_FORMAT,
      ...(this.options.partitions === undefined ? {} : { partitions: this.options.partitions }),
      watermark: this.watermark ?? null,
      upstreams: this.watermarks.snapshot(),
      dedup: [...this.lastUpstream].map(([key, offset]) => [key, offset.toString()] as const),
      engines: [...this.engines].map(([id, engine]) => [id, engine.snapshot()] as const),
    };
  }

  /** Keys held and events waiting for the watermark, over all engines. */
  stats(): { keys: number; buffered: number } {
    let keys = 0;
    let buffered = 0;
    for (const engine of this.engines.values()) {
      const stats = engine.stats();
      buffered += stats.buffered;
      for (const operator of stats.operators) keys += operator.keys;
    }
    return { keys, buffered };
  }

  private advance(target: number, out: PartitionOutput): void {
    this.wm = target;
    for (const [family, engine] of this.engines) collect(family, engine.advanceTo(target), out);
  }

  private install(family: RuleFamily, restore: EngineSnapshot | undefined): void {
    const engine = createEngine(family.ruleSet, {
      allowedLatenessMs: MARKERS_ONLY,
      idleTimeoutMs: Number.POSITIVE_INFINITY,
      sourceOf: () => 'markers',
      ...(this.options.maxKeys === undefined ? {} : { maxKeys: this.options.maxKeys }),
      ...(this.options.maxEvidence === undefined ? {} : { maxEvidence: this.options.maxEvidence }),
      ...(this.options.newTermsLearning === undefined
        ? {}
        : { newTermsLearning: this.options.newTermsLearning }),
      ...(this.options.newTermsLearningFromMs === undefined
        ? {}
        : { newTermsLearningFromMs: this.options.newTermsLearningFromMs }),
      ...(restore === undefined ? {} : { restore }),
    });
    // A family added later starts at the partition's watermark, like the others.
    if (restore === undefined && Number.isFinite(this.wm)) engine.advanceTo(this.wm);
    this.engines.set(family.id, engine);
  }
}

function collect(family: string, outputs: readonly EngineOutput[], out: PartitionOutput): void {
  for (const output of outputs) {
    switch (output.kind) {
      case 'alert':
        out.alerts.push(output.alert);
        break;
      case 'late':
        out.late.push({
          family,
          event: output.event,
          latenessMs: output.lateness_ms,
          watermark: output.watermark,
        });
        break;
      case 'invalid':
        out.invalid.push({ offset: -1n, reason: output.reason, value: null });
        break;
      case 'rule_error':
        out.ruleErrors.push({
          ruleId: output.ruleId,
          message: output.message,
          ...(output.eventId === undefined ? {} : { eventId: output.eventId }),
        });
        break;
      case 'stats':
        break;
    }
  }
}
