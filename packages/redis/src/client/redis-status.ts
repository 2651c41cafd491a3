/** The connection states a service reports in its health check. */
export type RedisStatus = 'connecting' | 'ready' | 'reconnecting' | 'closed';

/** ioredis' finer states folded into the four a caller acts on. */
export function redisStatusOf(ioredisStatus: string): RedisStatus {
  switch (ioredisStatus) {
    case 'ready':
      return 'ready';
    case 'reconnecting':
    case 'close':
      return 'reconnecting';
    case 'end':
      return 'closed';
    default:
      return 'connecting';
  }
}

/** Delay before reconnect attempt `times` (1-based): quick at first, then every 2 s, for ever. */
export function reconnectDelay(times: number): number {
  return Math.min(50 * 2 ** Math.max(0, times - 1), 2_000);
}
