/** What the buffer orders by. */
export interface Ordered {
  readonly ts: number;
  readonly id: string;
}

/** The processing order: event time, then event id (so equal times are ordered the same way on every run). */
export const before = (a: Ordered, b: Ordered): boolean => a.ts < b.ts || (a.ts === b.ts && a.id < b.id);

/**
 * Events waiting for the watermark, kept sorted by (time, id). Logs arrive nearly in order, so an
 * insert is an append or a short binary search near the end; taking from the front moves a head
 * index, and the array is compacted now and then. Cheaper than a heap for nearly sorted input.
 */
export class ReorderBuffer<T extends Ordered> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    const items = this.items;
    const last = items[items.length - 1];
    if (last === undefined || this.head === items.length || before(last, item)) {
      items.push(item);
      return;
    }
    let lo = this.head;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(items[mid] as T, item)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    const item = this.items[this.head];
    if (item === undefined) return undefined;
    this.items[this.head++] = undefined as unknown as T;
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** In processing order. */
  toArray(): T[] {
    return this.items.slice(this.head);
  }
}
