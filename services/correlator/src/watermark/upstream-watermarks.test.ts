import { describe, expect, it } from 'vitest';
import { UpstreamWatermarks } from './upstream-watermarks.js';

const marker = (partitions: number, ...upstreams: [number, number | null, boolean][]) => ({
  marker: 'watermark' as const,
  partitions,
  upstreams: upstreams.map(([partition, ts, idle]) => ({ partition, ts, idle })),
});

describe('UpstreamWatermarks', () => {
  it('allows nothing until every upstream partition was heard of', () => {
    const table = new UpstreamWatermarks();
    expect(table.target(5)).toBeUndefined();
    table.apply(marker(3, [0, 100, false], [1, 200, false]));
    expect(table.target(5)).toBeUndefined();
    table.apply(marker(3, [2, 150, false]));
    expect(table.target(5)).toBe(95);
  });

  it('takes the slowest active partition minus the lateness; idle ones do not hold it back', () => {
    const table = new UpstreamWatermarks();
    table.apply(marker(3, [0, 1_000, false], [1, 5_000, false], [2, 400, true]));
    expect(table.target(100)).toBe(900);
    // An upstream's time never moves back, whatever an (older) owner reports.
    table.apply(marker(3, [0, 700, false]));
    expect(table.target(100)).toBe(900);
  });

  it('releases everything up to the newest event once every partition is idle, like the end of a replay', () => {
    const table = new UpstreamWatermarks();
    table.apply(marker(2, [0, 1_000, true], [1, null, true]));
    expect(table.target(5_000)).toBe(1_001);
    expect(table.newest).toBe(1_000);
  });

  it('waits for an active partition whose owner has seen nothing yet', () => {
    const table = new UpstreamWatermarks();
    table.apply(marker(2, [0, 1_000, false], [1, null, false]));
    expect(table.target(0)).toBeUndefined();
  });

  it('survives a snapshot', () => {
    const table = new UpstreamWatermarks();
    table.apply(marker(2, [0, 1_000, false], [1, 3_000, true]));
    const copy = UpstreamWatermarks.restore(
      JSON.parse(JSON.stringify(table.snapshot())) as ReturnType<UpstreamWatermarks['snapshot']>,
    );
    expect(copy.target(10)).toBe(990);
    expect(copy.snapshot()).toEqual(table.snapshot());
  });
});
