/**
 * Access logs written as JSON by a custom `log_format` (nginx `escape=json`, Apache mod_log_config),
 * e.g. `{"time_iso8601":"2024-01-02T03:04:05+00:00","remote_addr":"203.0.113.9","request":"GET /login HTTP/1.1",
 * "status":429,"body_bytes_sent":162,"http_referer":"","http_user_agent":"curl/8.5.0"}`.
 * Field names vary by site, so each ECS field accepts the common spellings below.
 */
import type { EventDraft } from '../event/event-draft.js';
import { newDraft, setSource } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';
import { scanHttpDate, scanIso } from '../time/timestamp-scan.js';
import { classifyStatus, setRequestLine, setStatus, setUrl } from './http-request.js';
import type { DatasetHint } from '../model/parse-outcome.js';

type Json = Record<string, unknown>;

const REMOTE = ['remote_addr', 'remoteIP', 'remote_ip', 'client_ip', 'clientip', 'client', 'ip'];
const REQUEST = ['request', 'request_line', 'requestLine'];
const METHOD = ['request_method', 'method', 'requestMethod'];
const URI = ['request_uri', 'uri', 'requestURI', 'url', 'path'];
const STATUS = ['status', 'status_code', 'statusCode', 'response_code', 'code'];
const BYTES = ['body_bytes_sent', 'bytes_sent', 'bytes', 'size', 'response_bytes'];
const REFERRER = ['http_referer', 'referer', 'referrer', 'http_referrer'];
const AGENT = ['http_user_agent', 'user_agent', 'userAgent', 'agent'];
const USER = ['remote_user', 'user', 'remoteUser'];
const TIME = ['time_iso8601', '@timestamp', 'timestamp', 'time', 'time_local', 'date'];
const HOST = ['host', 'server_name', 'http_host', 'vhost'];

function pick(o: Json, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && v !== null && v !== '' && v !== '-') return v;
  }
  return undefined;
}

function pickString(o: Json, keys: readonly string[]): string | undefined {
  const v = pick(o, keys);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function pickNumber(o: Json, keys: readonly string[]): number | undefined {
  const v = pick(o, keys);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Whether a JSON object looks like an access-log record. */
export function isJsonAccessLog(o: Json): boolean {
  return (
    pick(o, STATUS) !== undefined &&
    pick(o, REMOTE) !== undefined &&
    (pick(o, REQUEST) !== undefined || pick(o, METHOD) !== undefined || pick(o, URI) !== undefined)
  );
}

export function jsonAccessEvent(o: Json, tk: Toolkit, flavor: DatasetHint, original: string): EventDraft {
  const time = pickString(o, TIME);
  let ms = Number.NaN;
  if (time !== undefined) {
    if (scanIso(time, 0, tk.clock, tk.scan) > 0) ms = tk.scan.ms;
    else if (scanHttpDate(time, 0, tk.clock, tk.scan) > 0) ms = tk.scan.ms;
  }
  const fallback = Number.isNaN(ms);
  const ev = newDraft(
    tk.iso(fallback ? tk.nowMs : ms),
    original,
    `${flavor}.access`,
    `${flavor}.access.json`,
  );
  if (fallback) ev.vigil.timestamp_fallback = true;
  const remote = pickString(o, REMOTE);
  setSource(ev, remote?.split(',')[0]?.trim());
  const request = pickString(o, REQUEST);
  if (request !== undefined) setRequestLine(ev, request);
  else {
    const method = pickString(o, METHOD);
    if (method !== undefined) ev.http = { request: { method } };
    const uri = pickString(o, URI);
    if (uri !== undefined) setUrl(ev, uri);
  }
  const status = pickNumber(o, STATUS);
  setStatus(ev, status !== undefined && Number.isInteger(status) ? status : undefined, pickNumber(o, BYTES));
  const referrer = pickString(o, REFERRER);
  if (referrer !== undefined) ((ev.http ??= {}).request ??= {}).referrer = referrer;
  const agent = pickString(o, AGENT);
  if (agent !== undefined) ev.user_agent = { original: agent };
  const user = pickString(o, USER);
  if (user !== undefined) (ev.user ??= {}).name = user;
  const host = pickString(o, HOST);
  if (host !== undefined) ev.destination = { address: host, domain: host };
  classifyStatus(ev, ev.http?.response?.status_code);
  return ev;
}
