/**
 * Formats UTC ms as `@timestamp` (ISO-8601 with milliseconds and `Z`). `toISOString` costs more
 * than a regex parse, and consecutive log lines usually share the minute, so the
 * `YYYY-MM-DDTHH:MM:` prefix is computed once per minute and the rest appended.
 */
const MINUTE = 60_000;
/** Years 0000-9999 only: anything else is not a valid `@timestamp`. */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;
export const MIN_TIMESTAMP_MS = -62_167_219_200_000;

export function isValidTimestampMs(ms: number): boolean {
  return ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS;
}

export class TimestampFormatter {
  private minute = Number.NaN;
  private prefix = '';
  private lastMs = Number.NaN;
  private lastText = '';

  format(ms: number): string {
    if (ms === this.lastMs) return this.lastText;
    this.lastMs = ms;
    this.lastText = this.build(ms);
    return this.lastText;
  }

  private build(ms: number): string {
    const t = isValidTimestampMs(ms) ? Math.floor(ms) : 0;
    const minute = Math.floor(t / MINUTE);
    if (minute !== this.minute) {
      this.minute = minute;
      this.prefix = new Date(minute * MINUTE).toISOString().slice(0, 17);
    }
    const rest = t - minute * MINUTE;
    const sec = Math.floor(rest / 1000);
    const milli = rest - sec * 1000;
    return `${this.prefix}${sec < 10 ? '0' : ''}${sec}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }
}
