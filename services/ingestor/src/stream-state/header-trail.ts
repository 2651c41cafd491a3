/** At most this many header lines are kept per stream (a Zeek header block has 8). */
const MAX_LINES = 32;

/**
 * The lines that configured one partition's stream — Zeek TSV `#separator`, `#fields`, `#types`...
 * — since its last data line: what a fresh parser must read first to understand the lines after
 * them. A header block after data lines (a new file) replaces the previous one.
 */
export class HeaderTrail {
  private lines: string[] = [];
  private afterData = false;
  private dirty = false;

  /** A line that configured the stream and gave no event. */
  header(line: string): void {
    if (this.afterData) {
      this.lines = [];
      this.afterData = false;
    }
    if (this.lines.length >= MAX_LINES) this.lines.shift();
    this.lines.push(line);
    this.dirty = true;
  }

  /** A line that gave events: the next header line starts a new block. */
  data(): void {
    if (this.lines.length > 0) this.afterData = true;
  }

  /** True when header lines came since the last `take()`. */
  get changed(): boolean {
    return this.dirty;
  }

  /** The lines to keep, marking them kept. */
  take(): readonly string[] {
    this.dirty = false;
    return [...this.lines];
  }

  /** Continues from lines kept earlier (they were fed to the parser already). */
  restore(lines: readonly string[]): void {
    this.lines = lines.slice(-MAX_LINES);
    this.afterData = true;
    this.dirty = false;
  }
}
