/**
 * Formats UTC ms as `@timestamp` (ISO-8601 with milliseconds and `Z`), the same text as
 * `toISOString` for years 0000-9999. `new Date(ms).toISOString()` costs more than a regex parse, so
 * the date is computed by arithmetic once per day and the string is built from char codes.
 */
/** Years 0000-9999 only: anything else is not a valid `@timestamp`. */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;
export const MIN_TIMESTAMP_MS = -62_167_219_200_000;

export function isValidTimestampMs(ms: number): boolean {
  return ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS;
}

const DAY = 86_400_000;

/** Char code of the decimal digit `n` (0-9). */
function dc(n: number): number {
  return 48 + n;
}

export class TimestampFormatter {
  private lastMs = Number.NaN;
  private lastText = '';
  /** Days since the epoch of the cached date, and that date's digits. */
  private day = Number.NaN;
  private year = 0;
  private month = 0;
  private date = 0;

  format(ms: number): string {
    if (ms === this.lastMs) return this.lastText;
    this.lastMs = ms;
    this.lastText = this.build(ms);
    return this.lastText;
  }

  private build(ms: number): string {
    const t = isValidTimestampMs(ms) ? Math.floor(ms) : 0;
    const day = Math.floor(t / DAY);
    if (day !== this.day) this.setDay(day);
    let rest = t - day * DAY;
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const mi = Math.floor(rest / 60_000);
    rest -= mi * 60_000;
    const sec = Math.floor(rest / 1000);
    const milli = rest - sec * 1000;
    const y = this.year;
    const mo = this.month;
    const d = this.date;
    // One flat string: template concatenation builds a rope that every later reader must flatten.
    return String.fromCharCode(
      dc(Math.floor(y / 1000)),
      dc(Math.floor(y / 100) % 10),
      dc(Math.floor(y / 10) % 10),
      dc(y % 10),
      45,
      dc(Math.floor(mo / 10)),
      dc(mo % 10),
      45,
      dc(Math.floor(d / 10)),
      dc(d % 10),
      84,
      dc(Math.floor(h / 10)),
      dc(h % 10),
      58,
      dc(Math.floor(mi / 10)),
      dc(mi % 10),
      58,
      dc(Math.floor(sec / 10)),
      dc(sec % 10),
      46,
      dc(Math.floor(milli / 100)),
      dc(Math.floor(milli / 10) % 10),
      dc(milli % 10),
      90,
    );
  }

  /** Proleptic Gregorian date of a day number (days since 1970-01-01), as `toISOString` has it. */
  private setDay(day: number): void {
    // Howard Hinnant's civil_from_days: exact integer arithmetic, no Date object.
    const z = day + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    this.date = doy - Math.floor((153 * mp + 2) / 5) + 1;
    this.month = mp < 10 ? mp + 3 : mp - 9;
    this.year = yoe + era * 400 + (this.month <= 2 ? 1 : 0);
    this.day = day;
  }
}
