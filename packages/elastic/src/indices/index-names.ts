/** The daily index families; each has one index per UTC day of its documents' `@timestamp`. */
export const DAILY_FAMILIES = ['events', 'alerts', 'notifications'] as const;
export type DailyFamily = (typeof DAILY_FAMILIES)[number];

/**
 * Where documents go. Daily indices are named after the document's own `@timestamp` (not the time it
 * is written), so the same document always goes to the same index: writing by `_id` with
 * `op_type: create` stays idempotent across days and replays. Incidents live in one index, updated in
 * place with optimistic concurrency.
 */
export class IndexNames {
  constructor(readonly prefix: string) {}

  /** `vigil-events-2024.05.01` for a document of 2024-05-01 (UTC). */
  daily(family: DailyFamily, timestamp: string | Date): string {
    const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
    if (Number.isNaN(date.getTime())) throw new RangeError(`not a timestamp: ${String(timestamp)}`);
    const day = date.toISOString().slice(0, 10).replaceAll('-', '.');
    return `${this.prefix}-${family}-${day}`;
  }

  /** The wildcard pattern of a family, for templates and searches: `vigil-events-*`. */
  pattern(family: DailyFamily): string {
    return `${this.prefix}-${family}-*`;
  }

  get incidents(): string {
    return `${this.prefix}-incidents`;
  }

  /** The UTC day a daily index holds (midnight), or undefined when the name is not one of ours. */
  dayOf(family: DailyFamily, index: string): Date | undefined {
    const head = `${this.prefix}-${family}-`;
    if (!index.startsWith(head)) return undefined;
    const match = /^(\d{4})\.(\d{2})\.(\d{2})$/.exec(index.slice(head.length));
    if (match === null) return undefined;
    const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
}
