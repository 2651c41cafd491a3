import { alertFixture } from '@vigil/incidents/testing';
import { describe, expect, it } from 'vitest';
import { MemoryLiveFeed } from '../memory/memory-live-feed.js';
import { LiveHub, type LiveEvent } from './live-hub.js';

const BOOT = 1_700_000_000_000;

function hubWith(capacity: number, count: number): { hub: LiveHub; feed: MemoryLiveFeed } {
  const feed = new MemoryLiveFeed();
  const hub = new LiveHub(feed, capacity, BOOT);
  for (let n = 0; n < count; n++) feed.publish({ type: 'alert', alert: alertFixture({ n }) });
  return { hub, feed };
}

describe('LiveHub', () => {
  it('numbers events contiguously from the boot time and fans them out', () => {
    const feed = new MemoryLiveFeed();
    const hub = new LiveHub(feed, 10, BOOT);
    const seen: LiveEvent[] = [];
    hub.subscribe((event) => seen.push(event));
    feed.publish({ type: 'alert', alert: alertFixture({ n: 1 }) });
    feed.publish({ type: 'alert', alert: alertFixture({ n: 2 }) });
    expect(seen.map((event) => event.id)).toEqual([BOOT * 1000 + 1, BOOT * 1000 + 2]);
    expect(hub.lastId()).toBe(BOOT * 1000 + 2);
  });

  it('replays what a client missed, and flags a gap once the ring has moved past it', () => {
    const { hub } = hubWith(5, 8);
    const first = BOOT * 1000 + 1;
    expect(hub.resume(first + 4)).toMatchObject({ gap: false });
    expect(hub.resume(first + 4).replay.map((e) => e.id)).toEqual([first + 5, first + 6, first + 7]);
    expect(hub.resume(first + 2)).toMatchObject({ gap: false });
    expect(hub.resume(first + 1).gap).toBe(true);
    expect(hub.resume(first + 1).replay).toHaveLength(5);
    expect(hub.resume(first + 7)).toEqual({ replay: [], gap: false });
    // An id from an earlier process is older than anything here.
    expect(hub.resume(5).gap).toBe(true);
  });

  it('stops listening to the feed when closed', () => {
    const { hub, feed } = hubWith(5, 0);
    hub.close();
    feed.publish({ type: 'alert', alert: alertFixture({ n: 9 }) });
    expect(hub.lastId()).toBe(BOOT * 1000);
  });
});
