/**
 * Web server access logs in the NCSA common/combined family (nginx and Apache defaults), e.g.
 * `203.0.113.9 - alice [10/Oct/2024:13:55:36 +0200] "GET /admin HTTP/1.1" 429 162 "-" "curl/8.5.0"`,
 * with the variants real servers write: a leading virtual host (`example.com:443 1.2.3.4 - - [...]`),
 * a proxy chain (`10.0.0.2, 10.0.0.1, 203.0.113.9 - - [...]`, the client is the first public
 * address as in Elastic's nginx pipeline), missing ident fields, and extra trailing fields.
 */
import type { EventDraft } from '../event/event-draft.js';
import { newDraft, setSource } from '../event/draft-helpers.js';
import { isIp, isPrivateIp } from '../event/ip.js';
import type { Toolkit } from '../model/toolkit.js';
import { scanHttpDate } from '../time/timestamp-scan.js';
import { classifyStatus, readQuoted, setRequestLine, setStatus } from './http-request.js';
import type { DatasetHint } from '../model/parse-outcome.js';

const MAX_DATE_PROBES = 4;

function stripAddr(token: string): string {
  let t = token;
  if (t.startsWith('"')) t = t.slice(1);
  if (t.endsWith('"')) t = t.slice(0, -1);
  if (t.endsWith(',')) t = t.slice(0, -1);
  return t;
}

/** Splits the part before `[date]` into tokens; `a, b` lists and a leading quoted list stay one token. */
function prefixTokens(prefix: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  if (prefix.startsWith('"')) {
    const close = prefix.indexOf('"', 1);
    if (close > 0) {
      tokens.push(prefix.slice(0, close + 1));
      i = close + 1;
    }
  }
  for (const part of prefix.slice(i).split(' ')) {
    if (part === '') continue;
    const last = tokens.length - 1;
    if (last >= 0 && (tokens[last] as string).endsWith(','))
      tokens[last] = `${tokens[last] as string} ${part}`;
    else tokens.push(part);
  }
  return tokens;
}

function ipList(token: string): string[] | undefined {
  const parts = token.replace(/"/g, '').split(',');
  const ips: string[] = [];
  for (const p of parts) {
    const ip = p.trim();
    if (ip === '') continue;
    if (!isIp(ip)) return undefined;
    ips.push(ip);
  }
  return ips.length > 0 ? ips : undefined;
}

function applyPrefix(ev: EventDraft, prefix: string, flavor: DatasetHint): void {
  const tokens = prefixTokens(prefix);
  let i = 0;
  const first = tokens[0];
  if (
    first !== undefined &&
    tokens.length >= 2 &&
    ipList(first) === undefined &&
    ipList(tokens[1] as string) !== undefined
  ) {
    // Leading virtual host (`example.com` or `example.com:443`): the server side.
    const colon = first.lastIndexOf(':');
    const port = colon > 0 ? Number(first.slice(colon + 1)) : Number.NaN;
    const host = Number.isInteger(port) ? first.slice(0, colon) : first;
    ev.destination = isIp(host) ? { address: host, ip: host } : { address: host, domain: host };
    if (Number.isInteger(port) && port > 0 && port <= 65535) ev.destination.port = port;
    i = 1;
  }
  const ips: string[] = [];
  for (; i < tokens.length; i++) {
    const list = ipList(tokens[i] as string);
    if (list === undefined) break;
    ips.push(...list);
  }
  if (ips.length > 0) {
    const client = ips.find((ip) => !isPrivateIp(ip)) ?? ips[0];
    setSource(ev, client);
    ev[flavor] = { access: { remote_ip_list: ips } };
  } else if (i < tokens.length) {
    setSource(ev, stripAddr(tokens[i] as string));
    i++;
  }
  const user = tokens[tokens.length - 1];
  if (tokens.length > i && user !== undefined && user !== '-') (ev.user ??= {}).name = user;
}

/** Parses an access-log line; undefined when the line is not one. */
export function parseAccessLine(
  line: string,
  tk: Toolkit,
  flavor: DatasetHint,
  original: string,
): EventDraft | undefined {
  let at = -1;
  let dateEnd = -1;
  let from = 0;
  for (let probe = 0; probe < MAX_DATE_PROBES; probe++) {
    at = line.indexOf(' [', from);
    if (at < 0) return undefined;
    dateEnd = scanHttpDate(line, at + 2, tk.clock, tk.scan);
    if (dateEnd > 0 && line.charCodeAt(dateEnd) === 93) break;
    dateEnd = -1;
    from = at + 2;
  }
  if (dateEnd < 0 || line.charCodeAt(dateEnd + 1) !== 32) return undefined;
  const request = readQuoted(line, dateEnd + 2);
  if (request === undefined) return undefined;
  const rest = line.slice(request[1]);
  const m = /^ (\d{3}) (\d+|-)/.exec(rest);
  if (m === null) return undefined;
  const dataset = `${flavor}.access`;
  const ev = newDraft(tk.iso(tk.scan.ms), original, dataset, `${flavor}.access`);
  applyPrefix(ev, line.slice(0, at), flavor);
  setRequestLine(ev, request[0]);
  const status = Number(m[1]);
  const bytes = m[2] === '-' ? undefined : Number(m[2]);
  setStatus(ev, status, bytes);
  let i = request[1] + m[0].length;
  const referrer = readQuoted(line, i + 1);
  if (referrer !== undefined) {
    if (referrer[0] !== '-' && referrer[0] !== '') ((ev.http ??= {}).request ??= {}).referrer = referrer[0];
    i = referrer[1];
    const agent = readQuoted(line, i + 1);
    if (agent !== undefined && agent[0] !== '-' && agent[0] !== '') ev.user_agent = { original: agent[0] };
  }
  classifyStatus(ev, status);
  return ev;
}
