/**
 * A column of event ids. Vigil event ids are 16 hex characters (`stableId`), stored here as two
 * uint32 (8 bytes instead of a pointer plus a ~32-byte string). Any other id is kept as a string
 * in a side map, so every id round-trips exactly.
 */
export class IdColumn {
  hi: Uint32Array;
  lo: Uint32Array;
  private readonly other = new Map<number, string>();

  constructor(length: number) {
    this.hi = new Uint32Array(length);
    this.lo = new Uint32Array(length);
  }

  get length(): number {
    return this.hi.length;
  }

  set(pos: number, id: string): void {
    if (this.other.size > 0) this.other.delete(pos);
    const hi = id.length === 16 ? hexWord(id, 0) : -1;
    const lo = hi < 0 ? -1 : hexWord(id, 8);
    if (lo < 0) {
      this.other.set(pos, id);
      return;
    }
    this.hi[pos] = hi;
    this.lo[pos] = lo;
  }

  get(pos: number): string {
    const other = this.other.size > 0 ? this.other.get(pos) : undefined;
    if (other !== undefined) return other;
    return (
      (this.hi[pos] ?? 0).toString(16).padStart(8, '0') + (this.lo[pos] ?? 0).toString(16).padStart(8, '0')
    );
  }

  copy(from: number, to: number): void {
    this.hi[to] = this.hi[from] ?? 0;
    this.lo[to] = this.lo[from] ?? 0;
    if (this.other.size === 0) return;
    const other = this.other.get(from);
    if (other === undefined) this.other.delete(to);
    else this.other.set(to, other);
  }

  /** Copies the id at `from` into another column at `to`. */
  copyTo(target: IdColumn, from: number, to: number): void {
    const other = this.other.size > 0 ? this.other.get(from) : undefined;
    if (other !== undefined) {
      target.other.set(to, other);
      return;
    }
    if (target.other.size > 0) target.other.delete(to);
    target.hi[to] = this.hi[from] ?? 0;
    target.lo[to] = this.lo[from] ?? 0;
  }

  /** Forgets side-map ids in [start, end), so a freed slot does not keep strings alive. */
  clear(start: number, end: number): void {
    if (this.other.size === 0) return;
    for (let pos = start; pos < end; pos++) this.other.delete(pos);
  }

  grow(length: number): void {
    const hi = new Uint32Array(length);
    hi.set(this.hi);
    const lo = new Uint32Array(length);
    lo.set(this.lo);
    this.hi = hi;
    this.lo = lo;
  }
}

/** Eight lowercase hex digits at `at` as an unsigned number, or -1 (no regex, no substring: hot path). */
function hexWord(id: string, at: number): number {
  let word = 0;
  for (let i = at; i < at + 8; i++) {
    const c = id.charCodeAt(i);
    let digit: number;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (c >= 97 && c <= 102) digit = c - 87;
    else return -1;
    word = word * 16 + digit;
  }
  return word;
}
