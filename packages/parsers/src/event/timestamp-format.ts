/** Formats UTC ms as `@timestamp` (ISO-8601, milliseconds, `Z`), remembering the last result. */
export class TimestampFormatter {
  private lastMs = Number.NaN;
  private lastText = '';

  format(ms: number): string {
    if (ms === this.lastMs) return this.lastText;
    const d = new Date(ms);
    const text = Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
    this.lastMs = ms;
    this.lastText = text;
    return text;
  }
}
