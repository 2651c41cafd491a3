/**
 * JSON lines: Vigil admin audit, CloudTrail (record or `{"Records":[...]}` file), Zeek JSON,
 * JSON access logs, and anything else as dataset `unknown`.
 */
import { cloudTrailEvent, isCloudTrailRecord } from '../admin/cloudtrail.parser.js';
import { isVigilAudit, vigilAuditEvent } from '../admin/vigil-audit.parser.js';
import type { EventDraft } from '../event/event-draft.js';
import { newDraft } from '../event/draft-helpers.js';
import type { Toolkit } from '../model/toolkit.js';
import { isJsonAccessLog, jsonAccessEvent } from '../network/http-json.parser.js';
import { webFlavor } from '../network/web-flavor.js';
import { isZeekRecord, zeekEvent, zeekPath } from '../network/zeek/zeek-record.js';
import type { ZeekRecord } from '../network/zeek/zeek-tsv.js';
import { scanIso } from '../time/timestamp-scan.js';

type Json = Record<string, unknown>;

export type JsonLineResult =
  | { ok: true; events: EventDraft[] }
  | { ok: false; code: 'invalid_json' | 'cloudtrail_invalid'; reason: string }
  /** A Splunk search export (`{"result":{"_raw":"<line>",...}}`): parse the wrapped line instead. */
  | { ok: 'unwrap'; raw: string };

const TIME_KEYS = ['@timestamp', 'timestamp', 'time', 'ts', 'date'];

function unknownEvent(value: unknown, tk: Toolkit, original: string): EventDraft {
  let ms = Number.NaN;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Json;
    for (const k of TIME_KEYS) {
      const t = o[k];
      if (typeof t === 'string' && scanIso(t, 0, tk.clock, tk.scan) > 0) {
        ms = tk.scan.ms;
        break;
      }
    }
  }
  const fallback = Number.isNaN(ms);
  const ev = newDraft(tk.iso(fallback ? tk.nowMs : ms), original, 'unknown', 'json');
  if (fallback) ev.vigil.timestamp_fallback = true;
  const message = (value as Json | null)?.message;
  if (typeof message === 'string') ev.message = message;
  ev.event.type.push('info');
  return ev;
}

export function jsonEvents(line: string, tk: Toolkit, program?: string): JsonLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, code: 'invalid_json', reason: `invalid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: true, events: [unknownEvent(value, tk, line)] };
  }
  const o = value as Json;
  const result = o.result;
  if (result !== null && typeof result === 'object' && typeof (result as Json)._raw === 'string') {
    return { ok: 'unwrap', raw: (result as Json)._raw as string };
  }
  if (isVigilAudit(o)) return { ok: true, events: [vigilAuditEvent(o, tk, line)] };
  if (Array.isArray(o.Records)) {
    const events: EventDraft[] = [];
    for (const rec of o.Records) {
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec) || !isCloudTrailRecord(rec as Json)) {
        return {
          ok: false,
          code: 'cloudtrail_invalid',
          reason: 'a Records[] entry is not a CloudTrail record',
        };
      }
      events.push(cloudTrailEvent(rec as Json, tk, JSON.stringify(rec)));
    }
    return { ok: true, events };
  }
  if (isCloudTrailRecord(o)) return { ok: true, events: [cloudTrailEvent(o, tk, line)] };
  if (isZeekRecord(o)) return { ok: true, events: [zeekEvent(o as ZeekRecord, zeekPath(o), tk, line)] };
  if (isJsonAccessLog(o))
    return { ok: true, events: [jsonAccessEvent(o, tk, webFlavor(program, tk.source, tk.hint), line)] };
  return { ok: true, events: [unknownEvent(o, tk, line)] };
}
