import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './parse-timestamp.js';

describe('parseTimestamp', () => {
  it('agrees with Date.parse on every ISO instant it is given', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString();
          expect(parseTimestamp(iso)).toBe(Date.parse(iso));
          expect(parseTimestamp(iso.replace('Z', '000Z'))).toBe(Date.parse(iso));
          expect(parseTimestamp(iso.replace(/\.\d+Z$/, 'Z'))).toBe(Date.parse(iso.replace(/\.\d+Z$/, 'Z')));
        },
      ),
    );
  });

  it('handles fractions of any length, offsets, and bad input', () => {
    expect(parseTimestamp('2026-03-01T10:00:00.5Z')).toBe(Date.parse('2026-03-01T10:00:00.500Z'));
    expect(parseTimestamp('2026-03-01T10:00:00.123456789Z')).toBe(Date.parse('2026-03-01T10:00:00.123Z'));
    expect(parseTimestamp('2026-03-01T10:00:00+02:00')).toBe(Date.parse('2026-03-01T08:00:00Z'));
    expect(parseTimestamp('2026-02-31T10:00:00Z')).toBeNaN();
    expect(parseTimestamp('2026-03-01T1a:00:00Z')).toBeNaN();
    expect(parseTimestamp('yesterday')).toBeNaN();
  });

  it('rejects exactly the days Date.UTC would roll over, leap years and years 0-99 included', () => {
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    for (const year of [50, 96, 1900, 2000, 2023, 2024, 2100, 2400]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const stamp = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T01:02:03.456Z`;
          // setUTCFullYear keeps years 0-99 as written (Date.UTC would make them 19xx).
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          date.setUTCHours(1, 2, 3, 456);
          const time = date.getTime();
          expect(parseTimestamp(stamp)).toBe(date.getUTCDate() === day ? time : Number.NaN);
        }
      }
    }
  });

  it('reads years 0-99 as written, as Date.parse does, not as 1900-1999', () => {
    expect(parseTimestamp('0050-06-01T00:00:00Z')).toBe(Date.parse('0050-06-01T00:00:00Z'));
    expect(new Date(parseTimestamp('0099-12-31T23:59:59.999Z')).getUTCFullYear()).toBe(99);
    expect(new Date(parseTimestamp('0000-01-01T00:00:00Z')).getUTCFullYear()).toBe(0);
  });
});
