import { describe, expect, it } from 'vitest';
import { computeLag } from './compute-lag.js';

describe('computeLag', () => {
  const watermarks = [
    { partition: 1, low: '0', high: '10' },
    { partition: 0, low: '5', high: '20' },
    { partition: 2, low: '0', high: '0' },
  ];

  it('subtracts the committed offset from the high watermark, per partition in order', () => {
    const lag = computeLag(
      't',
      [
        { partition: 0, offset: '18' },
        { partition: 1, offset: '10' },
        { partition: 2, offset: '-1' },
      ],
      watermarks,
    );
    expect(lag).toEqual([
      { topic: 't', partition: 0, committed: '18', low: '5', high: '20', lag: 2 },
      { topic: 't', partition: 1, committed: '10', low: '0', high: '10', lag: 0 },
      { topic: 't', partition: 2, committed: null, low: '0', high: '0', lag: 0 },
    ]);
  });

  it('counts from the log start when the group never committed or retention passed it', () => {
    const lag = computeLag('t', [{ partition: 0, offset: '2' }], watermarks);
    expect(lag.map((entry) => entry.lag)).toEqual([15, 10, 0]);
    expect(lag[1]?.committed).toBeNull();
  });
});
