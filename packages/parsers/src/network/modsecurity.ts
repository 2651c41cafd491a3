/**
 * ModSecurity messages inside Apache or nginx error log lines, e.g.
 * `ModSecurity: Access denied with code 403 (phase 2). Pattern match "..." at ARGS:id. [file "/etc/crs/REQUEST-942.conf"] [line "45"] [id "942100"] [msg "SQL Injection Attack"] [severity "CRITICAL"] [hostname "example.com"] [uri "/item"] [unique_id "Yx1"]`.
 * The `[key "value"]` list is read with a linear scanner (values may contain escaped quotes and brackets).
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify } from '../event/draft-helpers.js';

const DENIED =
  /^ModSecurity: Access denied with (?:code (\d{3})|connection close|redirection)(?: \(phase (\d)\))?/;

/** `[key "value"]` pairs anywhere in `s`; repeated keys (tag) are collected. */
export function bracketPairs(s: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let i = s.indexOf('[');
  let guard = 0;
  while (i >= 0 && i < s.length && guard++ < 256) {
    // The key is checked in place (bounded) so that stray `[` cannot trigger a scan per bracket.
    let k = i + 1;
    while (k - i <= 21) {
      const c = s.charCodeAt(k);
      if (!((c >= 97 && c <= 122) || c === 95)) break;
      k++;
    }
    if (k === i + 1 || s.charCodeAt(k) !== 32 || s.charCodeAt(k + 1) !== 34) {
      i = s.indexOf('[', i + 1);
      continue;
    }
    const key = s.slice(i + 1, k);
    const sp = k;
    let j = sp + 2;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 34 && s.charCodeAt(j + 1) === 93) break;
    }
    if (j >= s.length) break;
    const list = out.get(key);
    const value = s.slice(sp + 2, j);
    if (list === undefined) out.set(key, [value]);
    else list.push(value);
    i = s.indexOf('[', j + 2);
  }
  return out;
}

/** Fills a WAF event from the ModSecurity message starting at `msg`. */
export function applyModSecurity(ev: EventDraft, msg: string): void {
  const pairs = bracketPairs(msg);
  const first = (k: string): string | undefined => pairs.get(k)?.[0];
  const denied = DENIED.exec(msg);
  const modsec: Record<string, unknown> = {};
  const id = first('id');
  const text = first('msg');
  if (id !== undefined || text !== undefined) {
    ev.rule = {};
    if (id !== undefined) ev.rule.id = id;
    if (text !== undefined) ev.rule.description = text;
    const file = first('file');
    if (file !== undefined) ev.rule.category = file.slice(file.lastIndexOf('/') + 1);
  }
  for (const key of [
    'severity',
    'data',
    'unique_id',
    'ver',
    'maturity',
    'accuracy',
    'file',
    'line',
  ] as const) {
    const v = first(key);
    if (v !== undefined) modsec[key] = v;
  }
  const tags = pairs.get('tag');
  if (tags !== undefined) modsec.tags = tags;
  const uri = first('uri');
  if (uri !== undefined && ev.url === undefined) ev.url = { original: uri, path: uri };
  const hostname = first('hostname');
  if (hostname !== undefined && ev.destination === undefined)
    ev.destination = { address: hostname, domain: hostname };
  if (denied !== null) {
    if (denied[1] !== undefined) ((ev.http ??= {}).response ??= {}).status_code = Number(denied[1]);
    if (denied[2] !== undefined) modsec.phase = Number(denied[2]);
    classify(ev, 'modsecurity_denied', ['web', 'intrusion_detection'], ['denied'], 'failure');
  } else if (msg.startsWith('ModSecurity: Warning')) {
    classify(ev, 'modsecurity_warning', ['web', 'intrusion_detection'], ['info']);
  } else {
    classify(ev, 'modsecurity', ['web'], ['info']);
  }
  ev.modsecurity = modsec;
}
