/**
 * Chooses the year for RFC 3164 timestamps, which carry none.
 *
 * - With a configured year, that year applies to the first line of the stream and the stream is
 *   followed: a jump back of more than six months (Dec → Jan) means the file crossed New Year, so
 *   the year advances; an isolated line from far "ahead" (Jan file, stray Dec line) belongs to the
 *   previous year.
 * - Without one, each line gets the year that puts it closest before the reference "now" (the
 *   line's receive time, else the parser's `now`): a timestamp more than a week in the future is
 *   taken to be from last year, and early-January lines seen in late December are next year's.
 */
import type { TimeScan } from './timestamp-scan.js';
import type { ZoneClock } from './zone-clock.js';

const WEEK_MS = 7 * 86_400_000;

export class YearResolver {
  private year: number | undefined;
  private lastMonth = -1;
  private refMs = Number.NaN;
  private refYear = 0;
  /** `Date.UTC(year, month)` of the last (year, month) asked for: a stream stays in one month. */
  private monthYear = Number.NaN;
  private monthIndex = -1;
  private monthStart = 0;

  constructor(
    fixedYear: number | undefined,
    private readonly clock: ZoneClock,
  ) {
    this.year = fixedYear;
  }

  /** UTC ms for the wall time in `scan` (month/day/clock), choosing its year. */
  resolve(scan: TimeScan, nowMs: number): number {
    const month = scan.month;
    if (this.year !== undefined) {
      let year = this.year;
      if (this.lastMonth >= 0 && month < this.lastMonth - 6) {
        this.year = ++year;
        this.lastMonth = month;
      } else if (this.lastMonth >= 0 && month > this.lastMonth + 6) {
        year -= 1;
      } else {
        this.lastMonth = month;
      }
      return this.at(year, scan);
    }
    const year = this.yearOf(nowMs);
    const candidate = this.at(year, scan);
    if (candidate - nowMs > WEEK_MS) return this.at(year - 1, scan);
    if (month === 0 && nowMs - candidate > 300 * 86_400_000) {
      const next = this.at(year + 1, scan);
      if (next - nowMs <= WEEK_MS) return next;
    }
    return candidate;
  }

  private at(year: number, scan: TimeScan): number {
    // Date.UTC is linear in day/hour/minute/second/ms (it carries overflow, e.g. day 31 of April),
    // so adding them to the month's start gives the same value without a Date call per line.
    if (year !== this.monthYear || scan.month !== this.monthIndex) {
      this.monthYear = year;
      this.monthIndex = scan.month;
      this.monthStart = Date.UTC(year, scan.month);
    }
    const wall =
      this.monthStart +
      (scan.day - 1) * 86_400_000 +
      scan.hour * 3_600_000 +
      scan.minute * 60_000 +
      scan.second * 1000 +
      scan.millis;
    // Date.UTC's TimeClip: beyond ±8.64e15 ms it is NaN.
    return this.clock.toUtc(Math.abs(wall) <= 8.64e15 ? wall : Number.NaN);
  }

  /** The calendar year of `nowMs` in the configured zone (cached: "now" rarely changes year). */
  private yearOf(nowMs: number): number {
    if (nowMs !== this.refMs) {
      this.refMs = nowMs;
      this.refYear = new Date(nowMs + this.clock.offsetAt(nowMs)).getUTCFullYear();
    }
    return this.refYear;
  }
}
