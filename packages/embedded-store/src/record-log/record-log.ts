import {
  closeSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { VigilError } from '@vigil/core';

export interface RecordLogOptions {
  readonly dir: string;
  /** File name prefix: `<name>-<segment>.ndjson`. */
  readonly name: string;
  /** Records per segment file before a new one starts. */
  readonly segmentRecords?: number;
  /** Keep at most this many records; whole oldest segments are deleted beyond it. */
  readonly maxRecords?: number;
  /** fdatasync after every append (durable against power loss) or leave it to the OS. */
  readonly fsync?: boolean;
}

export interface RecordLogStats {
  readonly records: number;
  readonly segments: number;
  /** Lines that could not be read back (a write cut short by a crash); skipped, never fatal. */
  readonly corruptLines: number;
}

/**
 * The embedded default's durable store: an append-only log of JSON records in segment files, read
 * back whole at start. Records with the same `id` replace earlier ones (an incident's new state,
 * an alert written twice), so appends are idempotent. Small and dependency-free on purpose: the
 * embedded mode keeps what one machine produces; scale goes to Elasticsearch.
 */
export class RecordLog<T extends { readonly id: string }> {
  private readonly records = new Map<string, T>();
  private readonly segmentRecords: number;
  private readonly maxRecords: number;
  private segments: number[] = [];
  private currentFd: number | undefined;
  private currentCount = 0;
  private corruptLines = 0;

  constructor(private readonly options: RecordLogOptions) {
    this.segmentRecords = options.segmentRecords ?? 50_000;
    this.maxRecords = options.maxRecords ?? 1_000_000;
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.load();
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** All records, oldest first (by first write). */
  values(): IterableIterator<T> {
    return this.records.values();
  }

  /** Appends and makes durable before returning; returns the records that were new or changed. */
  append(records: readonly T[]): T[] {
    if (records.length === 0) return [];
    const changed: T[] = [];
    let text = '';
    for (const record of records) {
      const line = JSON.stringify(record);
      const previous = this.records.get(record.id);
      if (previous !== undefined && JSON.stringify(previous) === line) continue;
      // Delete first so an update moves to the end, like the log itself.
      this.records.delete(record.id);
      this.records.set(record.id, record);
      changed.push(record);
      text += `${line}\n`;
    }
    if (text.length === 0) return changed;
    const fd = this.writableSegment(changed.length);
    writeSync(fd, text);
    if (this.options.fsync !== false) fdatasyncSync(fd);
    this.currentCount += changed.length;
    this.enforceRetention();
    return changed;
  }

  stats(): RecordLogStats {
    return { records: this.records.size, segments: this.segments.length, corruptLines: this.corruptLines };
  }

  close(): void {
    if (this.currentFd !== undefined) closeSync(this.currentFd);
    this.currentFd = undefined;
  }

  private segmentPath(segment: number): string {
    return join(this.options.dir, `${this.options.name}-${String(segment).padStart(8, '0')}.ndjson`);
  }

  private load(): void {
    const pattern = new RegExp(`^${escapeRegExp(this.options.name)}-(\\d{8})\\.ndjson$`);
    this.segments = readdirSync(this.options.dir)
      .map((file) => pattern.exec(file)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    let lastCount = 0;
    for (const segment of this.segments) {
      const text = readFileSync(this.segmentPath(segment), 'utf8');
      lastCount = 0;
      for (const line of text.split('\n')) {
        if (line.length === 0) continue;
        lastCount++;
        try {
          const record = JSON.parse(line) as T;
          if (typeof record.id !== 'string') throw new Error('no id');
          this.records.delete(record.id);
          this.records.set(record.id, record);
        } catch {
          this.corruptLines++;
        }
      }
    }
    this.currentCount = lastCount;
  }

  private writableSegment(incoming: number): number {
    const last = this.segments.at(-1);
    if (this.currentFd !== undefined && this.currentCount + incoming <= this.segmentRecords)
      return this.currentFd;
    if (
      this.currentFd === undefined &&
      last !== undefined &&
      this.currentCount + incoming <= this.segmentRecords
    ) {
      this.currentFd = openSync(this.segmentPath(last), 'a', 0o600);
      return this.currentFd;
    }
    if (this.currentFd !== undefined) closeSync(this.currentFd);
    const next = (last ?? 0) + 1;
    this.segments.push(next);
    this.currentCount = 0;
    try {
      this.currentFd = openSync(this.segmentPath(next), 'a', 0o600);
    } catch (error) {
      throw new VigilError(`cannot open ${this.segmentPath(next)}`, { code: 'STORE_IO', cause: error });
    }
    return this.currentFd;
  }

  private enforceRetention(): void {
    // Whole segments go, oldest first, while what remains still holds at least maxRecords lines.
    while (this.segments.length > 1 && (this.segments.length - 1) * this.segmentRecords >= this.maxRecords) {
      const oldest = this.segments.shift();
      if (oldest === undefined) break;
      const path = this.segmentPath(oldest);
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.length === 0) continue;
        try {
          const record = JSON.parse(line) as T;
          // Only forget it if no later segment rewrote it.
          if (JSON.stringify(this.records.get(record.id)) === line) this.records.delete(record.id);
        } catch {
          // A corrupt line in a segment being deleted holds nothing to forget.
        }
      }
      rmSync(path, { force: true });
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
