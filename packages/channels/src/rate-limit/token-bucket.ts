/**
 * A token bucket with reservations: `take(now)` always takes a token and returns how long to wait
 * before using it (0 when one was there). Waiters queue in order, so a burst drains at the rate.
 * Time is passed in, so the bucket is a pure value object.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    now: number = Date.now(),
  ) {
    if (capacity < 1 || perSecond <= 0)
      throw new RangeError('a token bucket needs capacity >= 1 and a positive rate');
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(now: number = Date.now()): number {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.perSecond);
    this.updatedAt = Math.max(this.updatedAt, now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }
}
