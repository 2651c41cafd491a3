import type { EmbeddedRuntime, RawLine } from './embedded-runtime.js';

/**
 * Lines from every input (files, syslog, the API's audit trail) gathered for a moment and ingested
 * together: one store write per batch, not per line.
 */
export class LineBatch {
  private lines: RawLine[] = [];

  constructor(
    private readonly runtime: EmbeddedRuntime,
    private readonly maxLines = 10_000,
  ) {}

  push(line: RawLine): void {
    this.lines.push(line);
    if (this.lines.length >= this.maxLines) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    this.runtime.ingest(lines);
  }
}
