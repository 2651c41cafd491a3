import type { TimePart } from '../modifiers/sigma-value.js';

/** ISO 8601 week number (1-53) of a UTC date. */
function isoWeek(date: Date): number {
  const day = date.getUTCDay() || 7;
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - day));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** One part of a date field (ISO string or epoch milliseconds), in UTC; undefined if not a date. */
export function timePartOf(value: unknown, unit: TimePart): number | undefined {
  let ms: number;
  if (typeof value === 'string') ms = Date.parse(value);
  else if (typeof value === 'number') ms = value;
  else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  switch (unit) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate();
    case 'week':
      return isoWeek(date);
    case 'month':
      return date.getUTCMonth() + 1;
    case 'year':
      return date.getUTCFullYear();
  }
}
