import { describe, expect, it } from 'vitest';
import { diffAssignment, flattenAssignment, groupByTopic, nextOffset } from './partition-set.js';

describe('partition sets', () => {
  it('flattens and sorts an assignment', () => {
    expect(flattenAssignment({ b: [1, 0], a: [2] })).toEqual([
      { topic: 'a', partition: 2 },
      { topic: 'b', partition: 0 },
      { topic: 'b', partition: 1 },
    ]);
  });

  it('diffs two assignments into revoked and assigned partitions', () => {
    const before = flattenAssignment({ t: [0, 1, 2] });
    const after = flattenAssignment({ t: [2, 3], u: [0] });
    expect(diffAssignment(before, after)).toEqual({
      revoked: [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 1 },
      ],
      assigned: [
        { topic: 't', partition: 3 },
        { topic: 'u', partition: 0 },
      ],
    });
    expect(diffAssignment(after, after)).toEqual({ revoked: [], assigned: [] });
  });

  it('groups partitions by topic', () => {
    expect(
      groupByTopic([
        { topic: 't', partition: 0 },
        { topic: 'u', partition: 1 },
        { topic: 't', partition: 2 },
      ]),
    ).toEqual([
      { topic: 't', partitions: [0, 2] },
      { topic: 'u', partitions: [1] },
    ]);
  });

  it('commits the offset after the last processed one, beyond 2^53', () => {
    expect(nextOffset('0')).toBe('1');
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});
