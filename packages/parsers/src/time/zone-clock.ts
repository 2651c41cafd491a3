/**
 * Converts wall-clock times in one IANA zone to UTC. Intl is slow (microseconds per call), so the
 * zone's offset is computed once per UTC hour and cached: zones change offset on hour boundaries
 * in all current tzdata, and a log stream touches few distinct hours.
 */
const HOUR_MS = 3_600_000;
const MAX_CACHED_HOURS = 50_000;

export class ZoneClock {
  readonly zone: string;
  readonly isUtc: boolean;
  private readonly format: Intl.DateTimeFormat | undefined;
  private readonly offsets = new Map<number, number>();
  /** The last hour looked up, before the map: consecutive lines share it. */
  private lastHour = Number.NaN;
  private lastOffset = 0;

  /** Throws a RangeError for an unknown zone: callers validate options once at setup. */
  constructor(zone: string) {
    this.zone = zone;
    const upper = zone.toUpperCase();
    this.isUtc = upper === 'UTC' || upper === 'ETC/UTC' || upper === 'GMT' || upper === 'Z';
    this.format = this.isUtc
      ? undefined
      : new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  }

  /** The zone's offset from UTC in ms (east positive) at the given UTC instant. */
  offsetAt(utcMs: number): number {
    if (this.format === undefined) return 0;
    const hour = Math.floor(utcMs / HOUR_MS);
    if (hour === this.lastHour) return this.lastOffset;
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      offset = this.computeOffset(hour * HOUR_MS);
      if (this.offsets.size >= MAX_CACHED_HOURS) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    this.lastHour = hour;
    this.lastOffset = offset;
    return offset;
  }

  /** UTC ms for a wall-clock time in this zone, given as if it were UTC (`Date.UTC(...)` of the fields). */
  toUtc(wallMs: number): number {
    if (this.format === undefined) return wallMs;
    const first = this.offsetAt(wallMs);
    const utc = wallMs - first;
    const second = this.offsetAt(utc);
    return second === first ? utc : wallMs - second;
  }

  private computeOffset(utcMs: number): number {
    const parts = (this.format as Intl.DateTimeFormat).formatToParts(new Date(utcMs));
    let y = 1970;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const part of parts) {
      const v = Number(part.value);
      switch (part.type) {
        case 'year':
          y = v;
          break;
        case 'month':
          mo = v;
          break;
        case 'day':
          d = v;
          break;
        case 'hour':
          h = v;
          break;
        case 'minute':
          mi = v;
          break;
        case 'second':
          s = v;
          break;
        default:
          break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - utcMs;
  }
}
