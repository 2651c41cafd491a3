import { createLineParser, type LineParser } from '@vigil/parsers';
import type { ParserSettings } from '../config/ingestor-config.js';

/**
 * One stateful line parser per (topic, partition): a partition is one ordered stream, so Zeek TSV
 * headers and RFC 3164 year rollover are tracked where the lines really follow each other.
 * Partitions handed to another member are dropped; if one comes back, it starts fresh.
 */
export class StreamParsers {
  private readonly parsers = new Map<string, LineParser>();

  constructor(private readonly settings: ParserSettings) {}

  get(topic: string, partition: number): LineParser {
    const id = `${topic}\u0000${partition}`;
    let parser = this.parsers.get(id);
    if (parser === undefined) {
      parser = createLineParser({
        timezone: this.settings.timezone,
        maxLineBytes: this.settings.maxLineBytes,
        ...(this.settings.year === undefined ? {} : { year: this.settings.year }),
        ...(this.settings.webFlavor === undefined ? {} : { datasetHint: this.settings.webFlavor }),
      });
      this.parsers.set(id, parser);
    }
    return parser;
  }

  drop(partitions: readonly { readonly topic: string; readonly partition: number }[]): void {
    for (const { topic, partition } of partitions) this.parsers.delete(`${topic}\u0000${partition}`);
  }

  get size(): number {
    return this.parsers.size;
  }
}
