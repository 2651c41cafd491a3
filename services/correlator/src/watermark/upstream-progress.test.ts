import { describe, expect, it } from 'vitest';
import { UpstreamProgress } from './upstream-progress.js';

describe('UpstreamProgress', () => {
  it('reports the newest acknowledged event time of each owned partition', () => {
    const progress = new UpstreamProgress(1_000);
    progress.assign([1, 0], 0);
    progress.batchStarted(0);
    progress.batchDone(0, 5_000, 10, 10);
    progress.batchDone(0, 4_000, 10, 20);
    expect(progress.marks(30)).toEqual([
      { partition: 0, ts: 5_000, idle: false },
      { partition: 1, ts: null, idle: false },
    ]);
  });

  it('calls a partition idle only when caught up, not busy, and quiet for the idle time', () => {
    const progress = new UpstreamProgress(1_000);
    progress.assign([0], 0);
    progress.batchDone(0, 5_000, 0, 100);
    expect(progress.marks(900)[0]?.idle).toBe(false);
    expect(progress.marks(1_100)[0]?.idle).toBe(true);
    progress.batchStarted(0);
    expect(progress.marks(5_000)[0]?.idle).toBe(false);
    progress.batchDone(0, 6_000, 3, 5_000);
    expect(progress.marks(9_000)[0]?.idle).toBe(false);
  });

  it('asks Kafka about quiet partitions whose lag it does not know', () => {
    const progress = new UpstreamProgress(1_000);
    progress.assign([0, 1], 0);
    progress.batchDone(1, 10, 0, 0);
    expect(progress.needLagCheck(500)).toEqual([]);
    expect(progress.needLagCheck(1_000)).toEqual([0]);
    progress.lagChecked(0, 0);
    expect(progress.marks(1_000)).toEqual([
      { partition: 0, ts: null, idle: true },
      { partition: 1, ts: 10, idle: true },
    ]);
    progress.revoke([0]);
    expect(progress.partitions).toEqual([1]);
  });

  it('withdraws an idle claim when a lag check finds messages not fetched yet', () => {
    const progress = new UpstreamProgress(1_000);
    progress.assign([0, 1], 0);
    progress.batchDone(0, 10, 0, 0);
    progress.batchDone(1, 20, 0, 0);
    expect(progress.idleClaims(1_000)).toEqual([0, 1]);
    // New messages on partition 0 while its consumer is busy elsewhere: no longer idle.
    progress.lagChecked(0, 5);
    expect(progress.idleClaims(1_000)).toEqual([1]);
    expect(progress.marks(1_000)[0]).toEqual({ partition: 0, ts: 10, idle: false });
    // A lag check says nothing about a partition with a batch in flight.
    progress.batchStarted(1);
    progress.lagChecked(1, 0);
    expect(progress.marks(5_000)[1]?.idle).toBe(false);
    progress.batchDone(1, 30, 0, 5_000);
    expect(progress.marks(6_000)[1]).toEqual({ partition: 1, ts: 30, idle: true });
  });
});
