import { describe, expect, it } from 'vitest';
import { reconnectDelay, redisStatusOf } from './redis-status.js';

describe('redis status', () => {
  it('folds ioredis states into four', () => {
    expect(
      ['wait', 'connecting', 'connect', 'ready', 'close', 'reconnecting', 'end'].map(redisStatusOf),
    ).toEqual(['connecting', 'connecting', 'connecting', 'ready', 'reconnecting', 'reconnecting', 'closed']);
  });

  it('reconnects quickly first, then every two seconds without giving up', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map(reconnectDelay)).toEqual([
      50, 100, 200, 400, 800, 1600, 2000, 2000,
    ]);
  });
});
