import type { GroupValue } from '../model/compiled-rule.js';
import { IdColumn } from './id-column.js';

const CLASS_BITS = 32;

/** One size class: every slot holds a ring of `cap` entries, in flat typed arrays. */
interface SizeClass {
  readonly cap: number;
  slots: number;
  used: number;
  ts: Float64Array;
  ids: IdColumn;
  ds: Uint16Array;
  values: (GroupValue | undefined)[] | undefined;
  /** head and size of each slot's ring, interleaved. */
  meta: Uint32Array;
  readonly free: number[];
}

/** One ring entry as plain data: for snapshots and for building alerts. */
export interface RingEntry {
  readonly ts: number;
  readonly id: string;
  readonly dataset: string;
  readonly value?: GroupValue;
}

/**
 * Pooled ring buffers of (event time, event id, dataset, optional value), one ring per group key.
 * Rings live in slabs of typed arrays by size class (2, 4, 8 ... up to `maxCapacity`), so a key
 * that saw one event costs a few dozen bytes, not an object graph; a ring moves to the next class
 * when it fills. A handle is `slot * 32 + class`. Slabs grow by doubling and are reused through
 * free lists; they never shrink.
 */
export class RingStore {
  readonly maxCapacity: number;
  private readonly classes: SizeClass[] = [];
  private readonly datasetNames: string[] = [];
  private readonly datasetIndex = new Map<string, number>();

  constructor(maxCapacity: number, withValues = false) {
    this.maxCapacity = Math.max(1, Math.floor(maxCapacity));
    let cap = Math.min(2, this.maxCapacity);
    for (;;) {
      this.classes.push(newClass(cap, withValues));
      if (cap >= this.maxCapacity) break;
      cap = Math.min(cap * 2, this.maxCapacity);
    }
  }

  alloc(): number {
    return this.allocIn(0);
  }

  free(handle: number): void {
    const c = this.classOf(handle);
    const slot = Math.floor(handle / CLASS_BITS);
    const base = slot * c.cap;
    c.ids.clear(base, base + c.cap);
    if (c.values !== undefined) c.values.fill(undefined, base, base + c.cap);
    c.meta[slot * 2] = 0;
    c.meta[slot * 2 + 1] = 0;
    c.free.push(slot);
    c.used--;
  }

  /** Empties a ring and gives back a handle in the smallest class (the caller stores it). */
  reset(handle: number): number {
    this.free(handle);
    return this.alloc();
  }

  size(handle: number): number {
    return this.classOf(handle).meta[Math.floor(handle / CLASS_BITS) * 2 + 1] ?? 0;
  }

  /** Appends an entry; returns the (possibly moved) handle. A full ring at maxCapacity drops its oldest. */
  push(handle: number, ts: number, id: string, dataset: string, value?: GroupValue): number {
    let h = handle;
    let c = this.classOf(h);
    let size = this.size(h);
    if (size === c.cap && c.cap < this.maxCapacity) {
      h = this.grow(h);
      c = this.classOf(h);
    }
    const slot = Math.floor(h / CLASS_BITS);
    const head = c.meta[slot * 2] ?? 0;
    size = c.meta[slot * 2 + 1] ?? 0;
    let pos: number;
    if (size === c.cap) {
      pos = slot * c.cap + head;
      c.meta[slot * 2] = (head + 1) % c.cap;
    } else {
      pos = slot * c.cap + ((head + size) % c.cap);
      c.meta[slot * 2 + 1] = size + 1;
    }
    c.ts[pos] = ts;
    c.ids.set(pos, id);
    c.ds[pos] = this.intern(dataset);
    if (c.values !== undefined) c.values[pos] = value ?? null;
    return h;
  }

  /** Position in the slab of the i-th oldest entry. */
  private pos(c: SizeClass, handle: number, i: number): number {
    const slot = Math.floor(handle / CLASS_BITS);
    return slot * c.cap + (((c.meta[slot * 2] ?? 0) + i) % c.cap);
  }

  tsAt(handle: number, i: number): number {
    const c = this.classOf(handle);
    return c.ts[this.pos(c, handle, i)] ?? 0;
  }

  idAt(handle: number, i: number): string {
    const c = this.classOf(handle);
    return c.ids.get(this.pos(c, handle, i));
  }

  datasetAt(handle: number, i: number): string {
    const c = this.classOf(handle);
    return this.datasetNames[c.ds[this.pos(c, handle, i)] ?? 0] ?? '';
  }

  valueAt(handle: number, i: number): GroupValue {
    const c = this.classOf(handle);
    return c.values?.[this.pos(c, handle, i)] ?? null;
  }

  /** Position (0 = oldest) of the first entry holding `value`, or -1: one tight loop over the slot. */
  indexOfValue(handle: number, value: GroupValue): number {
    const c = this.classOf(handle);
    const values = c.values;
    if (values === undefined) return -1;
    const slot = Math.floor(handle / CLASS_BITS);
    const head = c.meta[slot * 2] ?? 0;
    const size = c.meta[slot * 2 + 1] ?? 0;
    const base = slot * c.cap;
    for (let i = 0; i < size; i++) {
      let at = head + i;
      if (at >= c.cap) at -= c.cap;
      if (values[base + at] === value) return i;
    }
    return -1;
  }

  /** Drops entries from the oldest end while their time is <= cutoff; returns the new size. */
  expire(handle: number, cutoff: number): number {
    const c = this.classOf(handle);
    const slot = Math.floor(handle / CLASS_BITS);
    let head = c.meta[slot * 2] ?? 0;
    let size = c.meta[slot * 2 + 1] ?? 0;
    const base = slot * c.cap;
    while (size > 0 && (c.ts[base + head] ?? 0) <= cutoff) {
      if (c.values !== undefined) c.values[base + head] = undefined;
      head = (head + 1) % c.cap;
      size--;
    }
    c.meta[slot * 2] = size === 0 ? 0 : head;
    c.meta[slot * 2 + 1] = size;
    return size;
  }

  /** Removes the i-th oldest entry, keeping the order of the others. */
  removeAt(handle: number, i: number): void {
    const c = this.classOf(handle);
    const slot = Math.floor(handle / CLASS_BITS);
    const size = c.meta[slot * 2 + 1] ?? 0;
    for (let j = i; j < size - 1; j++) {
      const to = this.pos(c, handle, j);
      const from = this.pos(c, handle, j + 1);
      c.ts[to] = c.ts[from] ?? 0;
      c.ids.copy(from, to);
      c.ds[to] = c.ds[from] ?? 0;
      if (c.values !== undefined) c.values[to] = c.values[from];
    }
    if (c.values !== undefined) c.values[this.pos(c, handle, size - 1)] = undefined;
    c.meta[slot * 2 + 1] = size - 1;
  }

  entries(handle: number): RingEntry[] {
    const out: RingEntry[] = [];
    const withValues = this.classOf(handle).values !== undefined;
    for (let i = 0, n = this.size(handle); i < n; i++) {
      const entry = {
        ts: this.tsAt(handle, i),
        id: this.idAt(handle, i),
        dataset: this.datasetAt(handle, i),
      };
      out.push(withValues ? { ...entry, value: this.valueAt(handle, i) } : entry);
    }
    return out;
  }

  /** Rings allocated, and bytes of slab reserved (for stats and the memory benchmark). */
  usage(): { rings: number; bytes: number } {
    let rings = 0;
    let bytes = 0;
    for (const c of this.classes) {
      rings += c.used;
      bytes += c.ts.byteLength + c.ids.length * 8 + c.ds.byteLength + c.meta.byteLength;
      if (c.values !== undefined) bytes += c.values.length * 8;
    }
    return { rings, bytes };
  }

  private intern(dataset: string): number {
    let index = this.datasetIndex.get(dataset);
    if (index === undefined) {
      index = this.datasetNames.length;
      // 65k distinct datasets would be a broken input; share the last index rather than overflow.
      if (index < 0xffff) {
        this.datasetNames.push(dataset);
        this.datasetIndex.set(dataset, index);
      } else index = 0xffff - 1;
    }
    return index;
  }

  private classOf(handle: number): SizeClass {
    const c = this.classes[handle % CLASS_BITS];
    if (c === undefined) throw new RangeError(`bad ring handle ${handle}`);
    return c;
  }

  private allocIn(index: number): number {
    const c = this.classes[index];
    if (c === undefined) throw new RangeError(`bad size class ${index}`);
    let slot = c.free.pop();
    if (slot === undefined) {
      if (c.slots * c.cap >= c.ts.length) growClass(c);
      slot = c.slots++;
    }
    c.used++;
    return slot * CLASS_BITS + index;
  }

  /** Moves a full ring to the next size class, copying column to column (no per-entry objects). */
  private grow(handle: number): number {
    const from = this.classOf(handle);
    const slot = Math.floor(handle / CLASS_BITS);
    const size = from.meta[slot * 2 + 1] ?? 0;
    const next = this.allocIn((handle % CLASS_BITS) + 1);
    const to = this.classOf(next);
    const base = Math.floor(next / CLASS_BITS) * to.cap;
    for (let i = 0; i < size; i++) {
      const src = this.pos(from, handle, i);
      to.ts[base + i] = from.ts[src] ?? 0;
      from.ids.copyTo(to.ids, src, base + i);
      to.ds[base + i] = from.ds[src] ?? 0;
      if (to.values !== undefined) to.values[base + i] = from.values?.[src];
    }
    to.meta[Math.floor(next / CLASS_BITS) * 2 + 1] = size;
    this.free(handle);
    return next;
  }
}

function newClass(cap: number, withValues: boolean): SizeClass {
  const slots = 16;
  return {
    cap,
    slots: 0,
    used: 0,
    ts: new Float64Array(slots * cap),
    ids: new IdColumn(slots * cap),
    ds: new Uint16Array(slots * cap),
    values: withValues ? [] : undefined,
    meta: new Uint32Array(slots * 2),
    free: [],
  };
}

function growClass(c: SizeClass): void {
  const length = c.ts.length * 2;
  const ts = new Float64Array(length);
  ts.set(c.ts);
  c.ts = ts;
  c.ids.grow(length);
  const ds = new Uint16Array(length);
  ds.set(c.ds);
  c.ds = ds;
  const meta = new Uint32Array(c.meta.length * 2);
  meta.set(c.meta);
  c.meta = meta;
}
