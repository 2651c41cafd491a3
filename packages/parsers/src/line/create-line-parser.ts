/**
 * The per-stream line parser: cheap first-character dispatch to the format parsers, stream state
 * (Zeek TSV headers, RFC 3164 year rollover), truncation, deterministic ids, and a guarantee that
 * `parse` returns data and never throws.
 */
import { VigilError, stableId } from '@vigil/core';
import type { VigilEvent } from '@vigil/schema';
import { parseSyslogEnvelope } from '../envelope/syslog-envelope.parser.js';
import type { EventDraft } from '../event/event-draft.js';
import { fillRelated } from '../event/draft-helpers.js';
import { TimestampFormatter } from '../event/timestamp-format.js';
import {
  DEFAULT_MAX_LINE_BYTES,
  type ParseContext,
  type ParseFailureCode,
  type ParseOutcome,
  type ParserOptions,
} from '../model/parse-outcome.js';
import type { Toolkit } from '../model/toolkit.js';
import { parseAccessLine } from '../network/http-access.parser.js';
import { parseApacheError, parseNginxError } from '../network/http-error.parser.js';
import { looksLikeW3c, parseW3c, W3cState } from '../network/iis-w3c.parser.js';
import { webFlavor } from '../network/web-flavor.js';
import { zeekEvent } from '../network/zeek/zeek-record.js';
import { ZeekTsvState } from '../network/zeek/zeek-tsv.js';
import { monthAt } from '../time/month.js';
import { newTimeScan } from '../time/timestamp-scan.js';
import { YearResolver } from '../time/year-resolver.js';
import { ZoneClock } from '../time/zone-clock.js';
import { parseAuditd } from '../host/auditd.parser.js';
import { jsonEvents } from './json-line.js';
import { parseTimestampedText } from './timestamped-text.js';
import { syslogEvents } from './syslog-line.js';
import { truncateUtf8 } from './truncate.js';

export interface LineParser {
  /** Parses one line (without its newline). Never throws. */
  parse(line: string, context?: ParseContext): ParseOutcome;
}

/** The default context, shared: parsers only read it. */
const NO_CONTEXT: ParseContext = {};

/** Header and blank lines: a fresh result each time (callers may keep or extend it). */
function empty(): ParseOutcome {
  return { ok: true, events: [] };
}

function fail(code: ParseFailureCode, reason: string): ParseOutcome {
  return { ok: false, code, reason };
}

function toMs(v: number | Date | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : v.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A Zeek TSV data line: an epoch timestamp, then a tab. */
const ZEEK_TSV_START = /^\d{9,11}(?:\.\d+)?\t/;

class StreamLineParser implements LineParser {
  private readonly tk: Toolkit;
  private readonly maxBytes: number;
  private readonly fixedNow: number | undefined;
  private readonly zeek = new ZeekTsvState();
  private readonly w3c = new W3cState();
  private idTimestamp = '';
  /** The first id seen under `idTimestamp` and its count: most timestamps carry one line. */
  private firstId: string | undefined = undefined;
  private firstSeen = 0;
  /** Counts of the other ids under `idTimestamp`. */
  private readonly idSeen = new Map<string, number>();

  constructor(options: ParserOptions) {
    let clock: ZoneClock;
    try {
      clock = new ZoneClock(options.timezone ?? 'UTC');
    } catch (cause) {
      throw new VigilError(`unknown timezone: ${options.timezone ?? ''}`, {
        code: 'invalid_timezone',
        cause,
      });
    }
    if (
      options.year !== undefined &&
      !(Number.isInteger(options.year) && options.year >= 1970 && options.year <= 9999)
    ) {
      throw new VigilError(`invalid year: ${options.year}`, { code: 'invalid_year' });
    }
    const formatter = new TimestampFormatter();
    this.fixedNow = toMs(options.now);
    this.maxBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.tk = {
      clock,
      scan: newTimeScan(),
      years: new YearResolver(options.year, clock),
      iso: (ms) => formatter.format(ms),
      nowMs: 0,
      hint: options.datasetHint,
      source: undefined,
    };
  }

  parse(line: string, context: ParseContext = NO_CONTEXT): ParseOutcome {
    try {
      return this.parseUnsafe(line, context);
    } catch (error) {
      // A bug, not bad input: report it as data so the stream keeps flowing.
      return fail(
        'internal_error',
        `parser error: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private parseUnsafe(input: string, context: ParseContext): ParseOutcome {
    let line = input;
    let truncated = false;
    if (line.length * 3 > this.maxBytes) {
      const cut = truncateUtf8(line, this.maxBytes);
      truncated = cut.length !== line.length;
      line = cut;
    }
    let end = line.length;
    while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
    let start = line.charCodeAt(0) === 0xfeff ? 1 : 0;
    while (start < end && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9) && !this.zeek.ready)
      start++;
    if (start > 0 || end < line.length) line = line.slice(start, end);
    if (isBlank(line)) return empty();

    const tk = this.tk;
    tk.nowMs = toMs(context.receivedAt) ?? this.fixedNow ?? Date.now();
    tk.source = context.source;
    const drafts = this.dispatch(line, tk);
    if (!Array.isArray(drafts)) return drafts;
    // finalize completes each draft in place: the fresh drafts array becomes the events array.
    for (let i = 0; i < drafts.length; i++) this.finalize(drafts[i] as EventDraft, context, i, truncated);
    return { ok: true, events: drafts as unknown as VigilEvent[] };
  }

  private dispatch(line: string, tk: Toolkit, depth = 0): EventDraft[] | ParseOutcome {
    const c = line.charCodeAt(0);
    if (c === 35) {
      // '#': Zeek TSV header lines configure the stream.
      return this.zeek.header(line) || this.w3c.header(line)
        ? empty()
        : fail('not_a_log_line', 'comment line that is not a Zeek or W3C header');
    }
    if (this.zeek.ready && line.includes(this.zeek.separator)) {
      const rec = this.zeek.record(line);
      if (rec !== undefined) return [zeekEvent(rec, this.zeek.path || 'unknown', tk, line)];
    }
    if (c === 123) {
      const r = jsonEvents(line, tk);
      if (r.ok === 'unwrap') {
        if (depth > 0 || r.raw.trim() === '') return fail('not_a_log_line', 'empty or nested export wrapper');
        const inner = this.dispatch(r.raw, tk, depth + 1);
        if (Array.isArray(inner)) for (const ev of inner) ev.event.original = line;
        return inner;
      }
      return r.ok ? r.events : fail(r.code, r.reason);
    }
    if (isDigit(c) && line.charCodeAt(4) === 45 && (this.w3c.fields.length > 0 || looksLikeW3c(line))) {
      const ev = parseW3c(line, this.w3c, tk, line);
      if (ev !== undefined) return [ev];
    }
    if (
      c === 60 ||
      (isDigit(c) && line.charCodeAt(4) === 45) ||
      (monthAt(line, 0) >= 0 && line.charCodeAt(3) === 32)
    ) {
      const env = parseSyslogEnvelope(line, tk.clock, tk.years, tk.nowMs, tk.scan);
      if (env !== undefined) return syslogEvents(env, tk, line);
    }
    if (c === 91) {
      const ev = parseApacheError(line, tk, line, tk.nowMs);
      if (ev !== undefined) return [ev];
    }
    if (isDigit(c) && line.charCodeAt(4) === 47) {
      const ev = parseNginxError(line, tk, line);
      if (ev !== undefined) return [ev];
    }
    if ((c === 116 && line.startsWith('type=')) || (c === 110 && line.startsWith('node='))) {
      const ev = parseAuditd(line, tk, line);
      if (ev !== undefined) return [ev];
    }
    const access = parseAccessLine(line, tk, webFlavor(undefined, tk.source, tk.hint), line);
    if (access !== undefined) return [access];
    const text = parseTimestampedText(line, tk, line);
    if (text !== undefined) return [text];
    if (c === 35 || c === 9 || (isDigit(c) && ZEEK_TSV_START.test(line))) {
      return fail('zeek_without_header', 'Zeek data line before its #fields header');
    }
    if (c === 60 || isDigit(c) || monthAt(line, 0) >= 0) {
      return fail('bad_timestamp', 'looks like a syslog line but the header timestamp is not valid');
    }
    return fail('not_a_log_line', 'not a syslog envelope, JSON, or a known log format');
  }

  private finalize(ev: EventDraft, context: ParseContext, index: number, truncated: boolean): void {
    if (context.origin !== undefined) {
      const { topic, partition, offset } = context.origin;
      ev.vigil.origin = { topic, partition, offset };
    }
    if (truncated) ev.vigil.truncated = true;
    if (ev.host === undefined && context.hostname !== undefined && context.hostname !== '') {
      ev.host = { hostname: context.hostname, name: context.hostname };
    }
    fillRelated(ev);
    const idHost = context.hostname ?? ev.host?.hostname ?? '';
    ev.event.id = this.distinctId(
      stableId(ev.event.dataset, ev.event.original, idHost, String(index)),
      ev['@timestamp'],
    );
  }

  /**
   * Byte-identical lines (ten identical 429s in one second) are still ten events: the second and
   * later copies within the same timestamp get their occurrence number in the id. Identical lines
   * carry the same text timestamp, so the count only needs to live while the timestamp does; it
   * depends on the stream's order only, never on Kafka offsets, so replay equals live.
   */
  private distinctId(id: string, timestamp: string): string {
    // The first id of a timestamp lives in fields, the rest in the map: no Map work (clear()
    // allocates a new table) for the common one-line-per-timestamp case.
    if (timestamp !== this.idTimestamp || this.idSeen.size >= 10_000) {
      this.idTimestamp = timestamp;
      this.firstId = undefined;
      if (this.idSeen.size > 0) this.idSeen.clear();
    }
    if (this.firstId === undefined) {
      this.firstId = id;
      this.firstSeen = 1;
      return id;
    }
    let seen: number | undefined;
    if (id === this.firstId) {
      seen = this.firstSeen;
      this.firstSeen = seen + 1;
    } else {
      seen = this.idSeen.get(id);
      this.idSeen.set(id, (seen ?? 0) + 1);
      if (seen === undefined) return id;
    }
    return stableId(id, String(seen));
  }
}

/** A stateful parser for one stream of lines (a file, a Kafka partition). */
export function createLineParser(options: ParserOptions = {}): LineParser {
  return new StreamLineParser(options);
}
