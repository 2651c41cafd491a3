/** What one batch did, counted in plain maps so metrics are updated once per label per batch. */
export interface BatchStats {
  /** Messages consumed. */
  lines: number;
  events: number;
  /** Lines that gave no event and no dead letter (Zeek header lines). */
  linesWithoutEvents: number;
  /** Lines longer than the limit that were cut and still gave events (a cut line may also fail). */
  truncated: number;
  readonly eventsByDataset: Map<string, number>;
  readonly deadLettersByCode: Map<string, number>;
}

export function emptyStats(): BatchStats {
  return {
    lines: 0,
    events: 0,
    linesWithoutEvents: 0,
    truncated: 0,
    eventsByDataset: new Map(),
    deadLettersByCode: new Map(),
  };
}

export function countInto(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Adds `from` into `into` (a batch handled in slices is counted as one batch). */
export function mergeStats(into: BatchStats, from: BatchStats): void {
  into.lines += from.lines;
  into.events += from.events;
  into.linesWithoutEvents += from.linesWithoutEvents;
  into.truncated += from.truncated;
  for (const [dataset, count] of from.eventsByDataset) countInto(into.eventsByDataset, dataset, count);
  for (const [code, count] of from.deadLettersByCode) countInto(into.deadLettersByCode, code, count);
}
