import type { VigilEvent } from '@vigil/schema';

/** Stable machine-readable reasons a line was not turned into events (dead-letter `code`). */
export type ParseFailureCode =
  | 'not_a_log_line'
  | 'invalid_json'
  | 'bad_timestamp'
  | 'zeek_without_header'
  | 'cloudtrail_invalid'
  | 'internal_error';

/**
 * The result of parsing one line, as data: a line becomes zero or more events (zero for Zeek
 * header lines and blank lines, several for `message repeated N times` and CloudTrail files), or a
 * failure with a code and a human-readable reason for the dead-letter topic.
 */
export type ParseOutcome =
  | { readonly ok: true; readonly events: VigilEvent[] }
  | { readonly ok: false; readonly code: ParseFailureCode; readonly reason: string };

/** Where the line came from; every field is optional. */
export interface ParseContext {
  /** When the shipper or Kafka received the line (ms, Date or ISO string); the reference "now". */
  readonly receivedAt?: number | Date | string;
  /** The host that shipped the line, used when the line itself names no host. */
  readonly hostname?: string;
  /** Kafka topic the line came from. Informational: detection is by content, so a misrouted line still parses. */
  readonly topic?: string;
  /** Free-form source hint such as a file path (`/var/log/nginx/access.log` → nginx). */
  readonly source?: string;
  /** Kafka coordinates, copied to `vigil.origin`; never part of `event.id`. */
  readonly origin?: { readonly topic: string; readonly partition: number; readonly offset: string };
}

/** Datasets a hint may force when a line's format is ambiguous (combined access logs). */
export type DatasetHint = 'nginx' | 'apache';

export interface ParserOptions {
  /** Year for RFC 3164 timestamps (which carry none). Without it the year is inferred from `now`. */
  readonly year?: number;
  /** IANA zone for timestamps without an offset (RFC 3164, bare ISO). Default `UTC`. */
  readonly timezone?: string;
  /** Reference time for year inference and for lines without any timestamp (ms or Date). */
  readonly now?: number | Date;
  /** Longer lines are cut to this many UTF-8 bytes and flagged `vigil.truncated`. Default 64 KiB. */
  readonly maxLineBytes?: number;
  /** Which web server wrote combined-format access lines that do not say so themselves. */
  readonly datasetHint?: DatasetHint;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
