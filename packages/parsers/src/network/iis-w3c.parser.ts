/**
 * IIS W3C extended access logs, e.g.
 * `2015-03-11 21:59:09 192.0.2.1 GET /console/version.jsp - 80 - 203.0.113.7 Mozilla/5.0+(X11) - 404 0 2 0`.
 * Columns come from the stream's `#Fields:` header when there is one; without it the IIS default
 * column order is assumed, anchored on the HTTP method and the `status substatus win32-status` triple.
 * Times are UTC (IIS always writes W3C logs in UTC).
 */
import type { EventDraft } from '../event/event-draft.js';
import { newDraft, setSource } from '../event/draft-helpers.js';
import { isIp } from '../event/ip.js';
import type { Toolkit } from '../model/toolkit.js';
import { digitsAt } from '../time/month.js';
import { classifyStatus, setStatus } from './http-request.js';

const METHOD =
  /^(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PATCH|TRACE|CONNECT|PROPFIND|PROPPATCH|MKCOL|COPY|MOVE|LOCK|UNLOCK|SEARCH)$/;
const NUM = /^\d+$/;

export class W3cState {
  fields: string[] = [];

  /** `#Fields: …` configures the columns; other `#Software/#Version/#Date` lines are accepted. */
  header(line: string): boolean {
    if (line.startsWith('#Fields: ')) {
      this.fields = line.slice(9).trim().split(' ');
      return true;
    }
    return /^#(Software|Version|Date|Remark): /.test(line);
  }
}

function utcMs(line: string): number {
  const y = digitsAt(line, 0, 4);
  const mo = digitsAt(line, 5, 2);
  const d = digitsAt(line, 8, 2);
  const h = digitsAt(line, 11, 2);
  const mi = digitsAt(line, 14, 2);
  const s = digitsAt(line, 17, 2);
  if (
    y < 1970 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 31 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 60
  )
    return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** Column name → value, from the header or the default-order heuristic. */
function columns(tokens: readonly string[], fields: readonly string[]): Map<string, string> | undefined {
  const cols = new Map<string, string>();
  if (fields.length > 0) {
    if (tokens.length !== fields.length) return undefined;
    fields.forEach((f, i) => cols.set(f, tokens[i] as string));
    return cols;
  }
  const m = tokens.findIndex((t, i) => i >= 2 && i <= 6 && METHOD.test(t));
  if (m < 0) return undefined;
  let status = -1;
  for (let j = m + 5; j + 2 < tokens.length; j++) {
    if (
      /^\d{3}$/.test(tokens[j] as string) &&
      NUM.test(tokens[j + 1] as string) &&
      NUM.test(tokens[j + 2] as string)
    ) {
      status = j;
      break;
    }
  }
  if (status < 0) return undefined;
  cols.set('s-ip', tokens[m - 1] as string);
  cols.set('cs-method', tokens[m] as string);
  cols.set('cs-uri-stem', tokens[m + 1] as string);
  cols.set('cs-uri-query', tokens[m + 2] as string);
  cols.set('s-port', tokens[m + 3] as string);
  cols.set('cs-username', tokens[m + 4] as string);
  cols.set('c-ip', tokens[m + 5] as string);
  let ua = m + 6;
  if ((tokens[ua] ?? '').startsWith('HTTP/')) ua++;
  if (ua < status) cols.set('cs(User-Agent)', tokens[ua] as string);
  cols.set('sc-status', tokens[status] as string);
  return cols;
}

/** Whether a line without a `#Fields` header looks like IIS's default W3C layout. */
export function looksLikeW3c(line: string): boolean {
  if (line.charCodeAt(10) !== 32 || line.charCodeAt(19) !== 32) return false;
  const tokens = line.split(' ', 12);
  const m = tokens.findIndex((t, i) => i >= 2 && i <= 6 && METHOD.test(t));
  return m > 0 && NUM.test(tokens[m + 3] ?? '');
}

export function parseW3c(
  line: string,
  state: W3cState,
  tk: Toolkit,
  original: string,
): EventDraft | undefined {
  const ms = utcMs(line);
  if (Number.isNaN(ms)) return undefined;
  const tokens = line.split(' ');
  const cols = columns(tokens, state.fields);
  if (cols === undefined) return undefined;
  const val = (k: string): string | undefined => {
    const v = cols.get(k);
    return v === undefined || v === '-' || v === '' ? undefined : v;
  };
  const ev = newDraft(tk.iso(ms), original, 'iis.access', 'iis.w3c');
  setSource(ev, val('c-ip'));
  const sip = val('s-ip');
  if (sip !== undefined && isIp(sip)) {
    ev.destination = { address: sip, ip: sip };
    const port = Number(val('s-port'));
    if (Number.isInteger(port) && port > 0 && port <= 65535) ev.destination.port = port;
  }
  const method = val('cs-method');
  if (method !== undefined) ev.http = { request: { method } };
  const stem = val('cs-uri-stem');
  const query = val('cs-uri-query');
  if (stem !== undefined) {
    ev.url = { path: stem, original: query === undefined ? stem : `${stem}?${query}` };
    if (query !== undefined) ev.url.query = query;
    const dot = stem.lastIndexOf('.');
    if (dot > stem.lastIndexOf('/') + 1 && stem.length - dot <= 17) ev.url.extension = stem.slice(dot + 1);
  }
  const user = val('cs-username');
  if (user !== undefined) (ev.user ??= {}).name = user;
  const ua = val('cs(User-Agent)');
  if (ua !== undefined) ev.user_agent = { original: ua.replace(/\+/g, ' ') };
  const referrer = val('cs(Referer)');
  if (referrer !== undefined) ((ev.http ??= {}).request ??= {}).referrer = referrer;
  const status = Number(val('sc-status'));
  const bytes = Number(val('sc-bytes'));
  setStatus(ev, Number.isInteger(status) ? status : undefined, Number.isInteger(bytes) ? bytes : undefined);
  const taken = Number(val('time-taken'));
  if (Number.isFinite(taken)) ev.event.duration = taken * 1e6;
  classifyStatus(ev, ev.http?.response?.status_code);
  return ev;
}
