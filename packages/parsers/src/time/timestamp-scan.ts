/**
 * Hand-rolled scanners for the timestamp shapes found at the start of log lines. Each reads from
 * index `i`, writes the parsed instant into `out` and returns the index just past the timestamp,
 * or -1. No regexes and no allocation: these run once per line on the hot path.
 */
import { digitsAt, monthAt } from './month.js';
import type { ZoneClock } from './zone-clock.js';

/** Mutable scan result, reused by a parser across lines. */
export interface TimeScan {
  /** UTC ms (absolute scanners) — or, for RFC 3164, the wall time without the year resolved. */
  ms: number;
  /** Whether the text carried its own UTC offset (otherwise the configured zone was applied). */
  hasOffset: boolean;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

export function newTimeScan(): TimeScan {
  return { ms: 0, hasOffset: false, month: 0, day: 0, hour: 0, minute: 0, second: 0, millis: 0 };
}

function validClock(h: number, mi: number, s: number): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

/** Optional `.fff…` / `,fff…` fraction at `i`: sets out.millis, returns index after it. */
function scanFraction(s: string, i: number, out: TimeScan): number {
  out.millis = 0;
  const c = s.charCodeAt(i);
  if (c !== 46 && c !== 44) return i;
  let j = i + 1;
  let ms = 0;
  let n = 0;
  while (j < s.length && n < 12) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    if (n < 3) ms = ms * 10 + d;
    n++;
    j++;
  }
  if (n === 0) return i;
  for (let k = n; k < 3; k++) ms *= 10;
  out.millis = ms;
  return j;
}

/** `HH:MM:SS` then optional fraction; fills hour/minute/second/millis. */
function scanClock(s: string, i: number, out: TimeScan): number {
  const h = digitsAt(s, i, 2);
  const mi = digitsAt(s, i + 3, 2);
  const sec = digitsAt(s, i + 6, 2);
  if (s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58 || !validClock(h, mi, sec)) return -1;
  out.hour = h;
  out.minute = mi;
  out.second = sec;
  return scanFraction(s, i + 8, out);
}

/** Optional `Z`, `±HH:MM`, `±HHMM` or `±HH` at `i`. Returns [end, offsetMs] via out; -2 when absent. */
function scanOffset(s: string, i: number): { end: number; offset: number } | undefined {
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return { end: i + 1, offset: 0 }; // Z
  if (c !== 43 && c !== 45) return undefined;
  const sign = c === 43 ? 1 : -1;
  const hh = digitsAt(s, i + 1, 2);
  if (hh < 0 || hh > 23) return undefined;
  let j = i + 3;
  let mm = 0;
  if (s.charCodeAt(j) === 58) {
    mm = digitsAt(s, j + 1, 2);
    if (mm < 0) return undefined;
    j += 3;
  } else {
    const m2 = digitsAt(s, j, 2);
    if (m2 >= 0) {
      mm = m2;
      j += 2;
    }
  }
  if (mm > 59) return undefined;
  return { end: j, offset: sign * (hh * 3_600_000 + mm * 60_000) };
}

function setDate(out: TimeScan, y: number, mo: number, d: number): boolean {
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  out.month = mo - 1;
  out.day = d;
  return true;
}

/** ISO-8601 `YYYY-MM-DD[T ]HH:MM:SS[.f][Z|±hh[:mm]]`; zone-less values are read in `clock`'s zone. */
export function scanIso(s: string, i: number, clock: ZoneClock, out: TimeScan): number {
  const y = digitsAt(s, i, 4);
  if (y < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return -1;
  if (!setDate(out, y, digitsAt(s, i + 5, 2), digitsAt(s, i + 8, 2))) return -1;
  const sep = s.charCodeAt(i + 10);
  if (sep !== 84 && sep !== 32 && sep !== 116) return -1;
  const end = scanClock(s, i + 11, out);
  if (end < 0) return -1;
  const wall = Date.UTC(y, out.month, out.day, out.hour, out.minute, out.second, out.millis);
  const off = scanOffset(s, end);
  if (off === undefined) {
    out.hasOffset = false;
    out.ms = clock.toUtc(wall);
    return end;
  }
  out.hasOffset = true;
  out.ms = wall - off.offset;
  return off.end;
}

/**
 * RFC 3164 `Mmm dd HH:MM:SS` (day padded with a space or zero, or unpadded). Fills month/day/clock
 * only: the year is resolved by the caller (see `YearResolver`).
 */
export function scanRfc3164(s: string, i: number, out: TimeScan): number {
  const mo = monthAt(s, i);
  if (mo < 0 || s.charCodeAt(i + 3) !== 32) return -1;
  let j = i + 4;
  if (s.charCodeAt(j) === 32) j++;
  let day = s.charCodeAt(j) - 48;
  if (day < 0 || day > 9) return -1;
  j++;
  const d2 = s.charCodeAt(j) - 48;
  if (d2 >= 0 && d2 <= 9) {
    day = day * 10 + d2;
    j++;
  }
  if (s.charCodeAt(j) !== 32 || day < 1 || day > 31) return -1;
  out.month = mo;
  out.day = day;
  out.hasOffset = false;
  return scanClock(s, j + 1, out);
}

/** `YYYY/MM/DD HH:MM:SS` (nginx error log, Go's log package), read in `clock`'s zone. */
export function scanSlashDate(s: string, i: number, clock: ZoneClock, out: TimeScan): number {
  const y = digitsAt(s, i, 4);
  if (y < 0 || s.charCodeAt(i + 4) !== 47 || s.charCodeAt(i + 7) !== 47 || s.charCodeAt(i + 10) !== 32)
    return -1;
  if (!setDate(out, y, digitsAt(s, i + 5, 2), digitsAt(s, i + 8, 2))) return -1;
  const end = scanClock(s, i + 11, out);
  if (end < 0) return -1;
  out.hasOffset = false;
  out.ms = clock.toUtc(Date.UTC(y, out.month, out.day, out.hour, out.minute, out.second, out.millis));
  return end;
}

/** Common Log Format `dd/Mmm/yyyy:HH:MM:SS ±hhmm` (day may be one digit). */
export function scanHttpDate(s: string, i: number, clock: ZoneClock, out: TimeScan): number {
  let j = i;
  let day = digitsAt(s, j, 2);
  if (day >= 0) j += 2;
  else {
    day = digitsAt(s, j, 1);
    j += 1;
  }
  if (s.charCodeAt(j) !== 47) return -1;
  const mo = monthAt(s, j + 1);
  if (mo < 0 || s.charCodeAt(j + 4) !== 47) return -1;
  const y = digitsAt(s, j + 5, 4);
  if (s.charCodeAt(j + 9) !== 58 || !setDate(out, y, mo + 1, day)) return -1;
  const end = scanClock(s, j + 10, out);
  if (end < 0) return -1;
  const wall = Date.UTC(y, out.month, out.day, out.hour, out.minute, out.second, out.millis);
  const off = s.charCodeAt(end) === 32 ? scanOffset(s, end + 1) : undefined;
  if (off === undefined) {
    out.hasOffset = false;
    out.ms = clock.toUtc(wall);
    return end;
  }
  out.hasOffset = true;
  out.ms = wall - off.offset;
  return off.end;
}

/** Apache error log `Www Mmm dd HH:MM:SS[.ffffff] yyyy`, read in `clock`'s zone. */
export function scanApacheDate(s: string, i: number, clock: ZoneClock, out: TimeScan): number {
  if (s.charCodeAt(i + 3) !== 32) return -1;
  const end = scanRfc3164(s, i + 4, out);
  if (end < 0 || s.charCodeAt(end) !== 32) return -1;
  const y = digitsAt(s, end + 1, 4);
  if (y < 1970) return -1;
  out.ms = clock.toUtc(Date.UTC(y, out.month, out.day, out.hour, out.minute, out.second, out.millis));
  return end + 5;
}
