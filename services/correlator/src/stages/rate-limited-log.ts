import type { Logger } from '@vigil/core';

/** Logs one line per key per interval (e.g. per failing rule), so a broken predicate cannot flood the log. */
export class RateLimitedLog {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  warn(key: string, fields: Record<string, unknown>, message: string): void {
    const now = Date.now();
    if (now - (this.last.get(key) ?? Number.NEGATIVE_INFINITY) < this.intervalMs) return;
    if (this.last.size > 10_000) this.last.clear();
    this.last.set(key, now);
    this.logger.warn(fields, message);
  }
}
