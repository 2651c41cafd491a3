import type { VigilEvent } from '@vigil/schema';
import type { OperatorOptions } from '../model/match.js';
import type { EngineSnapshot } from './engine-snapshot.js';

export interface EngineOptions extends Partial<OperatorOptions> {
  /** Default 5 s: how late (behind its source's newest event) an event may arrive and still count. */
  readonly allowedLatenessMs?: number;
  /** Default 60 s of event time: a source this far behind the newest source stops holding the watermark. */
  readonly idleTimeoutMs?: number;
  /** The source of an event for per-source watermarks. Default: `event.dataset` + `host.hostname`. */
  readonly sourceOf?: (event: VigilEvent) => string;
  /** Events held in the reorder buffer before the oldest are released early (counted). Default 1M. */
  readonly maxBuffered?: number;
  /** Emit a `stats` output every this many events pushed (and at flush). Default 0: never. */
  readonly statsEvery?: number;
  /** Event time between sweeps of expired keys. Default 1 s. */
  readonly sweepIntervalMs?: number;
  /** State to start from, from `engine.snapshot()`. */
  readonly restore?: EngineSnapshot;
}

export interface ResolvedEngineOptions extends OperatorOptions {
  readonly allowedLatenessMs: number;
  readonly idleTimeoutMs: number;
  readonly sourceOf: (event: VigilEvent) => string;
  readonly maxBuffered: number;
  readonly statsEvery: number;
  readonly sweepIntervalMs: number;
}

/** dataset → hostname → `dataset|hostname`: one string per source instead of a concatenation per event. */
const sourceKeys = new Map<string, Map<string, string>>();

export const defaultSourceOf = (event: VigilEvent): string => {
  const dataset = event.event.dataset;
  const host = event.host?.hostname ?? '';
  let byHost = sourceKeys.get(dataset);
  if (byHost === undefined) {
    // Bounded: datasets and hosts come from input; past the bound the memo just starts over.
    if (sourceKeys.size >= 1_000) sourceKeys.clear();
    byHost = new Map();
    sourceKeys.set(dataset, byHost);
  }
  let key = byHost.get(host);
  if (key === undefined) {
    if (byHost.size >= 10_000) byHost.clear();
    key = `${dataset}|${host}`;
    byHost.set(host, key);
  }
  return key;
};

export function resolveOptions(options: EngineOptions): ResolvedEngineOptions {
  return {
    allowedLatenessMs: options.allowedLatenessMs ?? 5_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    sourceOf: options.sourceOf ?? defaultSourceOf,
    maxBuffered: options.maxBuffered ?? 1_000_000,
    statsEvery: options.statsEvery ?? 0,
    sweepIntervalMs: options.sweepIntervalMs ?? 1_000,
    maxKeys: options.maxKeys ?? 1_000_000,
    maxEvidence: options.maxEvidence ?? 100,
    newTermsLearning: options.newTermsLearning ?? true,
    newTermsLearningFromMs: options.newTermsLearningFromMs,
  };
}
