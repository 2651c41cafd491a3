import type { DailyFamily, IndexNames } from '../indices/index-names.js';

const DAY_MS = 86_400_000;

/**
 * The daily indices of a family whose every document is older than `retentionDays`: the index of day
 * D holds documents up to D+1 (exclusive), so it goes once D+1 is more than `retentionDays` ago.
 * Names that are not daily indices of this family are never returned.
 */
export function expiredIndices(
  names: IndexNames,
  family: DailyFamily,
  indices: readonly string[],
  retentionDays: number,
  now: Date,
): string[] {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  return indices
    .filter((index) => {
      const day = names.dayOf(family, index);
      return day !== undefined && day.getTime() + DAY_MS <= cutoff;
    })
    .sort();
}
