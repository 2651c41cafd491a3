/** Shared helpers for web server logs: request lines, URLs, quoted fields and status classification. */
import type { EventDraft } from '../event/event-draft.js';
import { classify } from '../event/draft-helpers.js';

/** Reads a `"…"` field at `s[i]` (backslash escapes kept verbatim). Returns [value, index after] or undefined. */
export function readQuoted(s: string, i: number): [string, number] | undefined {
  if (s.charCodeAt(i) !== 34) return undefined;
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 34) return [s.slice(i + 1, j), j + 1];
  }
  return undefined;
}

/** Sets url.* from a request target (`/a/b.php?x=1`, or an absolute `https://host:8443/p`). */
export function setUrl(ev: EventDraft, target: string): void {
  const url: NonNullable<EventDraft['url']> = { original: target };
  let path = target;
  const scheme = target.indexOf('://');
  if (scheme > 0 && scheme < 10) {
    const hostStart = scheme + 3;
    let slash = target.indexOf('/', hostStart);
    if (slash < 0) slash = target.length;
    const hostPort = target.slice(hostStart, slash);
    const colon = hostPort.lastIndexOf(':');
    if (colon > 0 && !hostPort.includes(']', colon)) {
      url.domain = hostPort.slice(0, colon);
      const port = Number(hostPort.slice(colon + 1));
      if (Number.isInteger(port) && port > 0 && port <= 65535) url.port = port;
    } else if (hostPort !== '') url.domain = hostPort;
    path = target.slice(slash) || '/';
  }
  const q = path.indexOf('?');
  if (q >= 0) {
    if (q + 1 < path.length) url.query = path.slice(q + 1);
    path = path.slice(0, q);
  }
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (path !== '') {
    url.path = path;
    const lastSlash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    if (dot > lastSlash + 1 && dot < path.length - 1 && path.length - dot <= 17)
      url.extension = path.slice(dot + 1);
  }
  ev.url = url;
}

/** `GET /path HTTP/1.1` → method, url, version; anything else is kept as url.original. */
export function setRequestLine(ev: EventDraft, request: string): void {
  if (request === '' || request === '-') return;
  const sp1 = request.indexOf(' ');
  const sp2 = request.lastIndexOf(' ');
  const method = sp1 > 0 ? request.slice(0, sp1) : '';
  if (sp1 > 0 && /^[A-Z][A-Z_-]{0,15}$/.test(method)) {
    const http = (ev.http ??= {});
    http.request = { ...http.request, method };
    if (sp2 > sp1 && request.startsWith('HTTP/', sp2 + 1)) {
      http.version = request.slice(sp2 + 6);
      setUrl(ev, request.slice(sp1 + 1, sp2));
    } else setUrl(ev, request.slice(sp1 + 1));
    return;
  }
  ev.url = { original: request };
}

/** event.category/type/outcome/action from an HTTP status, like Elastic's web pipelines (+ Vigil's actions). */
export function classifyStatus(ev: EventDraft, status: number | undefined): void {
  if (status === undefined) {
    classify(ev, 'http_request', ['web'], ['access']);
    return;
  }
  const type = status === 401 || status === 403 || status === 429 ? ['access', 'denied'] : ['access'];
  classify(
    ev,
    status === 429 ? 'rate_limited' : 'http_request',
    ['web'],
    type,
    status >= 400 ? 'failure' : 'success',
  );
}

export function setStatus(ev: EventDraft, status: number | undefined, bytes: number | undefined): void {
  if (status === undefined && bytes === undefined) return;
  const http = (ev.http ??= {});
  const response: NonNullable<NonNullable<EventDraft['http']>['response']> = {};
  if (status !== undefined) response.status_code = status;
  if (bytes !== undefined) response.body = { bytes };
  http.response = response;
}
