/**
 * Web server error logs:
 * - nginx: `2024/01/02 03:04:05 [error] 1234#1234: *56 limiting requests, excess: 5.4 by zone "login", client: 203.0.113.9, server: example.com, request: "POST /login HTTP/1.1", host: "example.com"`
 * - Apache 2.4: `[Tue Sep 30 14:25:44.895897 2014] [authz_core:error] [pid 31858] [client 203.0.113.9:38870] AH01630: client denied by server configuration: /var/www/`
 *   (and 2.2's `[Fri Dec 13 06:59:54 2013] [error] [client 203.0.113.9] ...`, or no timestamp at all)
 * Both may carry ModSecurity messages (WAF denials), handled by `modsecurity.ts`.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify, newDraft, setSource, setUser } from '../event/draft-helpers.js';
import { isIp } from '../event/ip.js';
import type { Toolkit } from '../model/toolkit.js';
import { scanApacheDate, scanSlashDate } from '../time/timestamp-scan.js';
import { setRequestLine } from './http-request.js';
import { applyModSecurity } from './modsecurity.js';

const NGINX_HEAD = /^\[(\w+)\] (?:(\d+)[#:](\d+):? )?(?:\*(\d+) )?/;
const LIMIT_REQ = /^(limiting|delaying) requests?, excess: ([\d.]+) by zone "([^"]*)"/;
const LIMIT_CONN = /^limiting connections by zone "([^"]*)"/;
const BASIC_USER = /^user "([^"]*)"(?::| was not found)/;
const CLIENT_PREFIX = /^\[client ([^\]\s]+)\] /;
const APACHE_USER = /user (\S+?):? (?:not found|authentication failure)(?:[^:]*: (\S+))?/;

/** nginx's trailing `, client: X, server: Y, request: "…", host: "…"` context → map. */
function nginxContext(msg: string): { text: string; ctx: Map<string, string> } {
  const ctx = new Map<string, string>();
  const at = msg.indexOf(', client: ');
  if (at < 0) return { text: msg, ctx };
  let i = at + 2;
  let guard = 0;
  while (i < msg.length && guard++ < 16) {
    const colon = msg.indexOf(': ', i);
    if (colon < 0) break;
    const key = msg.slice(i, colon);
    let j = colon + 2;
    let value: string;
    if (msg.charCodeAt(j) === 34) {
      let k = j + 1;
      for (; k < msg.length; k++) {
        const c = msg.charCodeAt(k);
        if (c === 92) k++;
        else if (c === 34) break;
      }
      value = msg.slice(j + 1, k);
      j = k + 1;
    } else {
      const comma = msg.indexOf(', ', j);
      const end = comma < 0 ? msg.length : comma;
      value = msg.slice(j, end);
      j = end;
    }
    ctx.set(key, value);
    if (!msg.startsWith(', ', j)) break;
    i = j + 2;
  }
  return { text: msg.slice(0, at), ctx };
}

function webAuthFailure(ev: EventDraft, user: string | undefined): void {
  setUser(ev, user);
  classify(ev, 'http_auth_failure', ['web', 'authentication'], ['info'], 'failure');
}

export function parseNginxError(line: string, tk: Toolkit, original: string): EventDraft | undefined {
  const end = scanSlashDate(line, 0, tk.clock, tk.scan);
  if (end < 0 || line.charCodeAt(end) !== 32) return undefined;
  const head = NGINX_HEAD.exec(line.slice(end + 1, end + 64));
  if (head === null) return undefined;
  const ev = newDraft(tk.iso(tk.scan.ms), original, 'nginx.error', 'nginx.error');
  const level = head[1] as string;
  ev.log = { level };
  if (head[2] !== undefined) ev.process = { pid: Number(head[2]), thread: { id: Number(head[3]) } };
  if (head[4] !== undefined) ev.nginx = { error: { connection_id: Number(head[4]) } };
  const context = nginxContext(line.slice(end + 1 + head[0].length));
  const ctx = context.ctx;
  let text = context.text;
  const client = CLIENT_PREFIX.exec(text);
  if (client !== null) {
    // ModSecurity-nginx prefixes its message with `[client <ip>] `.
    text = text.slice(client[0].length);
    if (!ctx.has('client')) ctx.set('client', client[1] as string);
  }
  ev.message = text;
  setSource(ev, ctx.get('client'));
  const request = ctx.get('request');
  if (request !== undefined) setRequestLine(ev, request);
  const host = ctx.get('host');
  if (host !== undefined && host !== '') ev.destination = { address: host, domain: host };
  const referrer = ctx.get('referrer');
  if (referrer !== undefined) ((ev.http ??= {}).request ??= {}).referrer = referrer;
  let m: RegExpExecArray | null;
  if ((m = LIMIT_REQ.exec(text)) !== null) {
    ev.nginx = { ...(ev.nginx as object | undefined), rate_limit: { zone: m[3], excess: Number(m[2]) } };
    if (m[1] === 'limiting') classify(ev, 'rate_limited', ['web', 'network'], ['denied'], 'failure');
    else classify(ev, 'rate_limit_delayed', ['web', 'network'], ['info']);
  } else if ((m = LIMIT_CONN.exec(text)) !== null) {
    ev.nginx = { ...(ev.nginx as object | undefined), rate_limit: { zone: m[1] } };
    classify(ev, 'connection_limited', ['web', 'network'], ['denied'], 'failure');
  } else if (text.startsWith('ModSecurity:')) {
    applyModSecurity(ev, text);
  } else if ((m = BASIC_USER.exec(text)) !== null) {
    webAuthFailure(ev, m[1]);
  } else if (
    text.includes('no user/password was provided for basic authentication') ||
    text.includes('password mismatch') ||
    text.includes(' was not found in ')
  ) {
    webAuthFailure(ev, /user "([^"]*)"/.exec(text)?.[1]);
  } else if (text.startsWith('access forbidden by rule')) {
    classify(ev, 'access_denied', ['web'], ['denied'], 'failure');
  } else {
    classify(ev, undefined, ['web'], [level === 'info' || level === 'notice' ? 'info' : 'error']);
  }
  return ev;
}

function apacheClient(ev: EventDraft, token: string): void {
  if (isIp(token)) return setSource(ev, token);
  const colon = token.lastIndexOf(':');
  if (colon > 0 && isIp(token.slice(0, colon)))
    setSource(ev, token.slice(0, colon), Number(token.slice(colon + 1)));
  else setSource(ev, token);
}

/** Apache error log line (starts with `[`); undefined when it is not one. */
export function parseApacheError(
  line: string,
  tk: Toolkit,
  original: string,
  fallbackMs: number,
): EventDraft | undefined {
  let i = 0;
  let ms = fallbackMs;
  let fallback = true;
  const end = scanApacheDate(line, 1, tk.clock, tk.scan);
  if (end > 0 && line.charCodeAt(end) === 93) {
    ms = tk.scan.ms;
    fallback = false;
    i = end + 2;
  }
  if (line.charCodeAt(i) !== 91) return undefined;
  const close = line.indexOf(']', i);
  if (close < 0 || close - i > 40) return undefined;
  const levelBlock = line.slice(i + 1, close);
  if (!/^[\w-]*:?\w+$/.test(levelBlock)) return undefined;
  const ev = newDraft(tk.iso(ms), original, 'apache.error', 'apache.error');
  if (fallback) ev.vigil.timestamp_fallback = true;
  const colon = levelBlock.indexOf(':');
  const level = colon >= 0 ? levelBlock.slice(colon + 1) : levelBlock;
  ev.log = { level };
  if (colon > 0) ev.apache = { error: { module: levelBlock.slice(0, colon) } };
  i = close + 1;
  let guard = 0;
  while (guard++ < 8) {
    while (line.charCodeAt(i) === 32) i++;
    if (line.startsWith('[pid ', i)) {
      const e = line.indexOf(']', i);
      if (e < 0) break;
      const m = /^(\d+)(?::tid (\d+))?$/.exec(line.slice(i + 5, e));
      if (m !== null)
        ev.process =
          m[2] === undefined ? { pid: Number(m[1]) } : { pid: Number(m[1]), thread: { id: Number(m[2]) } };
      i = e + 1;
    } else if (line.startsWith('[client ', i) || line.startsWith('[remote ', i)) {
      const e = line.indexOf(']', i);
      if (e < 0) break;
      if (ev.source === undefined) apacheClient(ev, line.slice(i + 8, e));
      i = e + 1;
    } else if (line.charCodeAt(i) === 40) {
      const m = /^\((-?\d+)\)[^:[\]]*: /.exec(line.slice(i, i + 80));
      if (m === null) break;
      i += m[0].length;
    } else break;
  }
  let msg = line.slice(i);
  const ah = /^(AH\d{5}): /.exec(msg);
  if (ah !== null) {
    ev.error = { code: ah[1] as string };
    msg = msg.slice(ah[0].length);
  }
  ev.message = msg;
  let m: RegExpExecArray | null;
  if (msg.startsWith('ModSecurity:')) applyModSecurity(ev, msg);
  else if ((m = APACHE_USER.exec(msg)) !== null) {
    webAuthFailure(ev, m[1]);
    if (m[2] !== undefined && m[2].startsWith('/')) ev.url = { original: m[2], path: m[2] };
  } else if (
    msg.startsWith('client denied by server configuration') ||
    msg.startsWith('Directory index forbidden')
  ) {
    classify(ev, 'access_denied', ['web'], ['denied'], 'failure');
  } else
    classify(
      ev,
      undefined,
      ['web'],
      [level === 'info' || level === 'notice' || level === 'debug' ? 'info' : 'error'],
    );
  return ev;
}
