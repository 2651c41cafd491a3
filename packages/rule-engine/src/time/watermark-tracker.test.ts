import { describe, expect, it } from 'vitest';
import { WatermarkTracker, type WatermarkSnapshot } from './watermark-tracker.js';

describe('WatermarkTracker', () => {
  it('is the newest time minus the lateness for one source, and never moves back', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 100, idleTimeoutMs: 10_000 });
    expect(w.watermark).toBe(Number.NEGATIVE_INFINITY);
    expect(w.observe('a', 1_000)).toBe(900);
    expect(w.observe('a', 500)).toBe(900);
    expect(w.observe('a', 2_000)).toBe(1_900);
  });

  it('is held back by the slowest active source', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 0, idleTimeoutMs: 10_000 });
    w.observe('a', 1_000);
    w.observe('b', 1_000);
    expect(w.observe('a', 8_000)).toBe(1_000);
    expect(w.observe('b', 3_000)).toBe(3_000);
    expect(w.observe('c', 7_000)).toBe(3_000);
    expect(w.observe('b', 9_000)).toBe(7_000);
    expect(w.activeSources).toBe(3);
  });

  it('does not move back when a new source appears behind it', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 0, idleTimeoutMs: 10_000 });
    w.observe('a', 5_000);
    expect(w.observe('b', 1_000)).toBe(5_000);
  });

  it('stops waiting for a source idle for idleTimeoutMs of event time, until it speaks again', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 0, idleTimeoutMs: 10_000 });
    w.observe('quiet', 1_000);
    w.observe('busy', 5_000);
    expect(w.watermark).toBe(1_000);
    expect(w.observe('busy', 11_001)).toBe(11_001);
    expect(w.activeSources).toBe(1);
    // Back again: it holds the watermark from where it is (it cannot pull it back).
    w.observe('quiet', 11_500);
    expect(w.observe('busy', 20_000)).toBe(11_500);
  });

  it('keeps the min over many sources right as they advance out of order (heap invariants)', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 0, idleTimeoutMs: 1e12 });
    const newest = new Map<string, number>();
    for (let s = 0; s < 50; s++) {
      newest.set(`s${s}`, 0);
      w.observe(`s${s}`, 0);
    }
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 5_000; i++) {
      const source = `s${rand(50)}`;
      const ts = (newest.get(source) ?? 0) + rand(100);
      newest.set(source, ts);
      expect(w.observe(source, ts)).toBe(Math.min(...newest.values()));
    }
  });

  it('round-trips through a snapshot', () => {
    const w = new WatermarkTracker({ allowedLatenessMs: 10, idleTimeoutMs: 1_000 });
    w.observe('a', 100);
    w.observe('b', 200);
    const copy = new WatermarkTracker({ allowedLatenessMs: 10, idleTimeoutMs: 1_000 });
    copy.restore(JSON.parse(JSON.stringify(w.snapshot())) as WatermarkSnapshot);
    expect(copy.watermark).toBe(w.watermark);
    expect(copy.observe('a', 300)).toBe(w.observe('a', 300));
  });
});
