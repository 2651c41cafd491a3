import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AuditRecord, AuditSink } from './audit-record.schema.js';

/** Audit records as JSON lines on a stream: stdout, or a file opened for append. */
export class StreamAuditSink implements AuditSink {
  private constructor(
    private readonly stream: Writable,
    private readonly owned: boolean,
  ) {}

  static stdout(): StreamAuditSink {
    return new StreamAuditSink(process.stdout, false);
  }

  static file(path: string): StreamAuditSink {
    const stream: WriteStream = createWriteStream(path, { flags: 'a', mode: 0o600 });
    return new StreamAuditSink(stream, true);
  }

  static of(stream: Writable): StreamAuditSink {
    return new StreamAuditSink(stream, false);
  }

  write(record: AuditRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(`${JSON.stringify(record)}\n`, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(): Promise<void> {
    if (!this.owned) return Promise.resolve();
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

/** Keeps records in memory: for tests and for the embedded `vigil run`. */
export class MemoryAuditSink implements AuditSink {
  readonly records: AuditRecord[] = [];

  write(record: AuditRecord): Promise<void> {
    this.records.push(record);
    return Promise.resolve();
  }
}
