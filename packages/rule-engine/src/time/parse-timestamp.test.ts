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
});
