import type { VigilEvent } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { mergeByTime } from './merge-by-time.js';

const at = (stamp: string, id: string): VigilEvent =>
  ({ '@timestamp': stamp, event: { id, dataset: 't' } }) as unknown as VigilEvent;

function stream(events: readonly VigilEvent[]): AsyncIterator<VigilEvent> {
  let i = 0;
  return {
    next: () => {
      const value = events[i++];
      return Promise.resolve(
        value === undefined ? { done: true as const, value: undefined } : { done: false as const, value },
      );
    },
  };
}

async function ids(inputs: readonly (readonly VigilEvent[])[]): Promise<string[]> {
  const out: string[] = [];
  for await (const event of mergeByTime(inputs.map(stream))) out.push(event.event.id);
  return out;
}

describe('mergeByTime', () => {
  it('interleaves inputs by event time; on equal times the earlier input goes first', async () => {
    const a = [at('2026-11-27T08:00:00.000Z', 'a1'), at('2026-11-27T08:00:02.000Z', 'a2')];
    const b = [at('2026-11-27T08:00:01.000Z', 'b1'), at('2026-11-27T08:00:02.000Z', 'b2')];
    expect(await ids([a, b])).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(await ids([b, a])).toEqual(['a1', 'b1', 'b2', 'a2']);
  });

  it('passes the last input through in its own order, and copes with empty inputs', async () => {
    const a = [at('2026-11-27T08:00:05.000Z', 'a1'), at('2026-11-27T08:00:01.000Z', 'a2')];
    expect(await ids([[], a, []])).toEqual(['a1', 'a2']);
    expect(await ids([])).toEqual([]);
  });

  it('orders stamps of other shapes as Date.parse reads them', async () => {
    // An offset, and a 31 February (Date.parse rolls it over into March).
    const a = [at('2026-03-03T00:00:00.500Z', 'a1')];
    const b = [at('2026-03-03T01:00:00+02:00', 'b1'), at('2026-02-31T00:00:01Z', 'b2')];
    expect(await ids([a, b])).toEqual(['b1', 'a1', 'b2']);
  });
});
