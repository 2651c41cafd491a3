/**
 * Syslog envelopes, read by hand (no regex) so that every line costs one linear scan:
 *
 * - RFC 3164: `<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8`
 *   (PRI optional, day padded with a space, a zero or not at all, host or tag may be missing)
 * - RFC 5424: `<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] msg`
 * - ISO-8601 prefixed (rsyslog file format):
 *   `2024-01-02T03:04:05.123456+00:00 host prog[pid]: msg`, also with a space instead of `T`.
 */
import type { ZoneClock } from '../time/zone-clock.js';
import { scanIso, scanRfc3164, type TimeScan } from '../time/timestamp-scan.js';
import type { YearResolver } from '../time/year-resolver.js';

/** Every field is always present (possibly undefined): one object shape for all envelopes. */
export interface SyslogEnvelope {
  format: 'rfc3164' | 'rfc5424' | 'iso';
  /** UTC ms of the header timestamp (NaN when RFC 5424 gave `-`). */
  ms: number;
  hasOffset: boolean;
  priority: number | undefined;
  version: string | undefined;
  hostname: string | undefined;
  /** The tag's program part (`sshd` of `sshd[123]:`; `su(pam_unix)` stays whole). */
  program: string | undefined;
  pid: number | undefined;
  procid: string | undefined;
  msgid: string | undefined;
  structuredData: string | undefined;
  message: string;
}

const MAX_TAG = 128;
/** `/^\d{1,10}$/` without a regex: a tag's pid is checked on every line. */
function isPid(s: string): boolean {
  const n = s.length;
  if (n < 1 || n > 10) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

function nextSpace(s: string, i: number): number {
  const j = s.indexOf(' ', i);
  return j < 0 ? s.length : j;
}

/** Reads `<PRI>` at the start; returns [priority, index after] or undefined. */
function scanPri(s: string): { pri: number; end: number } | undefined {
  let pri = 0;
  let i = 1;
  for (; i < 5; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    pri = pri * 10 + d;
  }
  if (i === 1 || s.charCodeAt(i) !== 62 || pri > 191) return undefined;
  return { pri, end: i + 1 };
}

/** Splits a tag like `sshd[123]`, `su(pam_unix)[9]`, `CRON` into program and pid. */
function applyTag(env: SyslogEnvelope, tag: string): void {
  const open = tag.indexOf('[');
  if (open > 0 && tag.charCodeAt(tag.length - 1) === 93) {
    env.program = tag.slice(0, open);
    const procid = tag.slice(open + 1, -1);
    env.procid = procid;
    if (isPid(procid)) env.pid = Number(procid);
  } else {
    env.program = tag;
  }
}

/** Strips a Solaris `[ID 800047 auth.notice] ` message prefix. */
function stripSolarisId(msg: string): string {
  if (!msg.startsWith('[ID ')) return msg;
  const close = msg.indexOf('] ');
  return close > 0 && close < 64 ? msg.slice(close + 2) : msg;
}

/** `host tag: msg`, `tag: msg` or `host msg` after an RFC 3164 / ISO timestamp. */
function scanHeaderRest(s: string, i: number, env: SyslogEnvelope): boolean {
  i = skipSpaces(s, i);
  if (i >= s.length) return false;
  const e1 = nextSpace(s, i);
  if (s.charCodeAt(e1 - 1) === 58 && e1 - i - 1 <= MAX_TAG && e1 - i > 1) {
    // First token is already a tag (no hostname), e.g. `Jan  8 03:37:09 DENY: IN=...`.
    applyTag(env, s.slice(i, e1 - 1));
    env.message = stripSolarisId(s.slice(skipSpaces(s, e1)));
    return true;
  }
  env.hostname = s.slice(i, e1);
  const j = skipSpaces(s, e1);
  if (j >= s.length) {
    env.message = '';
    return true;
  }
  const e2 = nextSpace(s, j);
  const tagEnd = s.charCodeAt(e2 - 1) === 58 ? e2 - 1 : -1;
  if (tagEnd > j && tagEnd - j <= MAX_TAG) {
    applyTag(env, s.slice(j, tagEnd));
    env.message = stripSolarisId(s.slice(skipSpaces(s, e2)));
  } else if (e2 === s.length && s.charCodeAt(s.length - 1) === 58 && e2 - j > 1) {
    applyTag(env, s.slice(j, e2 - 1));
    env.message = '';
  } else {
    env.message = s.slice(j);
  }
  return true;
}

function nilOr(s: string): string | undefined {
  return s === '-' ? undefined : s;
}

/** RFC 5424 after `<PRI>VERSION `. */
function scan5424(s: string, i: number, clock: ZoneClock, scan: TimeScan, env: SyslogEnvelope): boolean {
  env.format = 'rfc5424';
  if (s.charCodeAt(i) === 45) {
    env.ms = Number.NaN;
    i += 1;
  } else {
    const end = scanIso(s, i, clock, scan);
    if (end < 0) return false;
    env.ms = scan.ms;
    env.hasOffset = scan.hasOffset;
    i = end;
  }
  const fields: string[] = [];
  for (let k = 0; k < 4; k++) {
    i = skipSpaces(s, i);
    if (i >= s.length) return false;
    const e = nextSpace(s, i);
    fields.push(s.slice(i, e));
    i = e;
  }
  const [host = '-', app = '-', procid = '-', msgid = '-'] = fields;
  const hostname = nilOr(host);
  if (hostname !== undefined) env.hostname = hostname;
  const program = nilOr(app);
  if (program !== undefined) env.program = program;
  if (procid !== '-') {
    env.procid = procid;
    if (isPid(procid)) env.pid = Number(procid);
  }
  const m = nilOr(msgid);
  if (m !== undefined) env.msgid = m;
  i = skipSpaces(s, i);
  if (s.charCodeAt(i) === 91) {
    const sdStart = i;
    while (s.charCodeAt(i) === 91) {
      i++;
      let quoted = false;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 92) i++;
        else if (c === 34) quoted = !quoted;
        else if (c === 93 && !quoted) break;
      }
      if (i >= s.length) return false;
      i++;
    }
    env.structuredData = s.slice(sdStart, i);
  } else if (s.charCodeAt(i) === 45) {
    i++;
  } else if (i < s.length) {
    return false;
  }
  i = skipSpaces(s, i);
  if (s.charCodeAt(i) === 0xfeff) i++;
  env.message = s.slice(i);
  return true;
}

/**
 * Parses a syslog envelope, or returns undefined when the line is not one. RFC 3164 years come
 * from `years`; `nowMs` is the reference for year inference.
 */
export function parseSyslogEnvelope(
  s: string,
  clock: ZoneClock,
  years: YearResolver,
  nowMs: number,
  scan: TimeScan,
): SyslogEnvelope | undefined {
  const env: SyslogEnvelope = {
    format: 'rfc3164',
    ms: 0,
    hasOffset: false,
    priority: undefined,
    version: undefined,
    hostname: undefined,
    program: undefined,
    pid: undefined,
    procid: undefined,
    msgid: undefined,
    structuredData: undefined,
    message: '',
  };
  let i = 0;
  if (s.charCodeAt(0) === 60) {
    const pri = scanPri(s);
    if (pri === undefined) return undefined;
    env.priority = pri.pri;
    i = pri.end;
    // RFC 5424: a version number and a space follow the PRI.
    const d = s.charCodeAt(i) - 48;
    if (d >= 1 && d <= 9) {
      let j = i + 1;
      while (j < i + 3 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (s.charCodeAt(j) === 32) {
        env.version = s.slice(i, j);
        return scan5424(s, j + 1, clock, scan, env) ? env : undefined;
      }
    }
  }
  const c = s.charCodeAt(i);
  let end: number;
  if (c >= 48 && c <= 57) {
    end = scanIso(s, i, clock, scan);
    if (end < 0) return undefined;
    env.format = 'iso';
    env.ms = scan.ms;
    env.hasOffset = scan.hasOffset;
  } else {
    end = scanRfc3164(s, i, scan);
    if (end < 0) return undefined;
    env.ms = years.resolve(scan, nowMs);
  }
  if (s.charCodeAt(end) !== 32) return undefined;
  return scanHeaderRest(s, end, env) ? env : undefined;
}
