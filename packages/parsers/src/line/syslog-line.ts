/**
 * Turns a parsed syslog envelope into events: repeat expansion (`message repeated N times: [ … ]`),
 * then routing by program and content to the host, netfilter and web parsers; anything else stays
 * a generic `syslog` event with what the envelope gave.
 */
import type { EventDraft } from '../event/event-draft.js';
import { newDraft } from '../event/draft-helpers.js';
import type { SyslogEnvelope } from '../envelope/syslog-envelope.parser.js';
import { parseHostMessage } from '../host/host-message.parser.js';
import type { Toolkit } from '../model/toolkit.js';
import { parseAccessLine } from '../network/http-access.parser.js';
import { netfilterStart, parseNetfilter } from '../network/netfilter.parser.js';
import { webFlavor } from '../network/web-flavor.js';

const REPEATED = /^message repeated (\d{1,9}) times: \[ ?(.*)\]$/;
/** Upper bound on events from one `message repeated` line: a forged count cannot exhaust memory. */
export const MAX_REPEAT = 10_000;

const FACILITIES = [
  'kern',
  'user',
  'mail',
  'daemon',
  'auth',
  'syslog',
  'lpr',
  'news',
  'uucp',
  'cron',
  'authpriv',
  'ftp',
  'ntp',
  'security',
  'console',
  'solaris-cron',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
] as const;
const SEVERITIES = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'informational',
  'debug',
] as const;

function applyEnvelope(ev: EventDraft, env: SyslogEnvelope, tk: Toolkit): void {
  if (env.hostname !== undefined) ev.host = { hostname: env.hostname, name: env.hostname };
  if (env.program !== undefined || env.pid !== undefined) {
    const process: NonNullable<EventDraft['process']> = {};
    if (env.program !== undefined) process.name = env.program;
    if (env.pid !== undefined) process.pid = env.pid;
    ev.process = process;
  }
  // log.syslog only carries what host/process do not already say (PRI, RFC 5424 header fields).
  if (env.priority === undefined && env.version === undefined) {
    if (!env.hasOffset) ev.event.timezone = tk.clock.zone;
    return;
  }
  const syslog: NonNullable<NonNullable<EventDraft['log']>['syslog']> = {};
  if (env.priority !== undefined) {
    const f = env.priority >> 3;
    const s = env.priority & 7;
    syslog.priority = env.priority;
    syslog.facility = { code: f, name: FACILITIES[f] ?? 'unknown' };
    syslog.severity = { code: s, name: SEVERITIES[s] ?? 'unknown' };
  }
  if (env.version !== undefined) {
    syslog.version = env.version;
    if (env.hostname !== undefined) syslog.hostname = env.hostname;
    if (env.program !== undefined) syslog.appname = env.program;
    if (env.procid !== undefined) syslog.procid = env.procid;
    if (env.msgid !== undefined) syslog.msgid = env.msgid;
    if (env.structuredData !== undefined) syslog.structured_data = env.structuredData;
  }
  if (ev.log === undefined) ev.log = { syslog };
  else ev.log.syslog = syslog;
  if (!env.hasOffset) ev.event.timezone = tk.clock.zone;
}

function buildOne(
  env: SyslogEnvelope,
  message: string,
  tk: Toolkit,
  original: string,
  ms: number,
): EventDraft {
  const program = env.program;
  const nfAt = netfilterStart(message);
  if (nfAt >= 0) {
    let prefix = message.slice(0, nfAt);
    if (prefix.trim() === '' && program !== undefined && program !== 'kernel') prefix = program;
    const ev = newDraft(tk.iso(ms), original, 'iptables.log', 'netfilter');
    applyEnvelope(ev, env, tk);
    ev.message = message;
    parseNetfilter(ev, message, nfAt, prefix);
    return ev;
  }
  if (program !== undefined) {
    const ev = newDraft(tk.iso(ms), original, 'system.auth', 'syslog');
    applyEnvelope(ev, env, tk);
    ev.message = message;
    const parser = parseHostMessage(ev, program, message);
    if (parser !== undefined) {
      ev.vigil.parser = parser;
      return ev;
    }
    const lower = program.toLowerCase();
    if (lower.startsWith('nginx') || lower.startsWith('apache') || lower.startsWith('httpd')) {
      const web = parseAccessLine(message, tk, webFlavor(program, tk.source, tk.hint), original);
      if (web !== undefined) {
        applyEnvelope(web, env, tk);
        if (tk.scan.hasOffset) delete web.event.timezone;
        return web;
      }
    }
  }
  const ev = newDraft(tk.iso(ms), original, 'syslog', 'syslog');
  applyEnvelope(ev, env, tk);
  ev.message = message;
  ev.event.type.push('info');
  return ev;
}

/** Events for one syslog line (several for a `message repeated N times` line). */
export function syslogEvents(env: SyslogEnvelope, tk: Toolkit, original: string): EventDraft[] {
  const fallback = Number.isNaN(env.ms);
  const ms = fallback ? tk.nowMs : env.ms;
  const rep = env.message.startsWith('message repeated ') ? REPEATED.exec(env.message) : null;
  if (rep === null) {
    const ev = buildOne(env, env.message, tk, original, ms);
    if (fallback) ev.vigil.timestamp_fallback = true;
    return [ev];
  }
  const of = Number(rep[1]);
  const inner = (rep[2] as string).trimEnd();
  const count = Math.min(Math.max(of, 1), MAX_REPEAT);
  const events: EventDraft[] = [];
  for (let index = 1; index <= count; index++) {
    const ev = buildOne(env, inner, tk, original, ms);
    ev.vigil.repeat = { index, of: Math.max(of, 1) };
    if (fallback) ev.vigil.timestamp_fallback = true;
    events.push(ev);
  }
  return events;
}
