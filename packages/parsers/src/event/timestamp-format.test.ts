import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, TimestampFormatter } from './timestamp-format.js';

describe('TimestampFormatter', () => {
  it('writes what toISOString writes, for every instant of years 0000-9999', () => {
    const f = new TimestampFormatter();
    const edges = [
      0,
      -1,
      MIN_TIMESTAMP_MS,
      MAX_TIMESTAMP_MS,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(1600, 0, 1),
    ];
    for (const ms of edges) expect(f.format(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: MIN_TIMESTAMP_MS, max: MAX_TIMESTAMP_MS }), (ms) => {
        expect(f.format(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000, seed: 11 },
    );
  });

  it('writes the epoch for instants outside that range and truncates fractions', () => {
    const f = new TimestampFormatter();
    expect(f.format(MAX_TIMESTAMP_MS + 1)).toBe('1970-01-01T00:00:00.000Z');
    expect(f.format(Number.NaN)).toBe('1970-01-01T00:00:00.000Z');
    expect(f.format(1.9)).toBe('1970-01-01T00:00:00.001Z');
  });
});
