import type { Logger } from '@vigil/core';
import { createLineParser, type LineParser } from '@vigil/parsers';
import type { ParserSettings } from '../config/ingestor-config.js';
import type { HeaderStore } from '../stream-state/header-store.js';
import { HeaderTrail } from '../stream-state/header-trail.js';

export interface StreamParser {
  readonly parser: LineParser;
  /** The stream's header lines, kept in the header store when they change. */
  readonly trail: HeaderTrail;
}

/**
 * One stateful line parser per (topic, partition): a partition is one ordered stream, so Zeek TSV
 * headers and RFC 3164 year rollover are tracked where the lines really follow each other.
 * Partitions handed to another member are dropped. With a header store, a partition's parser
 * starts with the header lines last seen on it (by whichever member), so a restart or a rebalance
 * between a Zeek header and its data lines loses nothing; without one it starts fresh.
 */
export class StreamParsers {
  private readonly parsers = new Map<string, StreamParser>();

  constructor(
    private readonly settings: ParserSettings,
    private readonly headers?: HeaderStore,
    private readonly logger?: Logger,
  ) {}

  /** The partition's parser, restored from the header store the first time it is asked for. */
  async open(topic: string, partition: number): Promise<StreamParser> {
    const id = `${topic}\u0000${String(partition)}`;
    const known = this.parsers.get(id);
    if (known !== undefined) return known;
    const stream: StreamParser = { parser: this.newParser(), trail: new HeaderTrail() };
    if (this.headers !== undefined) {
      try {
        const lines = (await this.headers.load(topic, partition)) ?? [];
        for (const line of lines) stream.parser.parse(line);
        stream.trail.restore(lines);
      } catch (error) {
        // Parsing goes on; Zeek TSV lines before the next header are dead-lettered, as without a store.
        this.logger?.warn({ err: error, topic, partition }, 'stream header not restored');
      }
    }
    this.parsers.set(id, stream);
    return stream;
  }

  /** Keeps the partition's header lines if they changed; failures are logged, never fatal. */
  async keep(topic: string, partition: number, stream: StreamParser): Promise<void> {
    if (this.headers === undefined || !stream.trail.changed) return;
    try {
      await this.headers.save(topic, partition, stream.trail.take());
    } catch (error) {
      this.logger?.warn({ err: error, topic, partition }, 'stream header not saved');
    }
  }

  drop(partitions: readonly { readonly topic: string; readonly partition: number }[]): void {
    for (const { topic, partition } of partitions) this.parsers.delete(`${topic}\u0000${String(partition)}`);
  }

  get size(): number {
    return this.parsers.size;
  }

  private newParser(): LineParser {
    return createLineParser({
      timezone: this.settings.timezone,
      maxLineBytes: this.settings.maxLineBytes,
      ...(this.settings.year === undefined ? {} : { year: this.settings.year }),
      ...(this.settings.webFlavor === undefined ? {} : { datasetHint: this.settings.webFlavor }),
    });
  }
}
