/**
 * A hand-written check of the `eventSchema` constraints, for the hot path: zod's safeParse costs
 * about as much as parsing a line, while this costs a few percent. Tests assert that it agrees
 * with `eventSchema.safeParse` on every fixture event and on property-generated events, so the
 * schema stays the single source of truth.
 */
import { EVENT_KINDS, OUTCOMES } from '@vigil/schema';

export type EventCheck =
  { readonly ok: true } | { readonly ok: false; readonly path: string; readonly problem: string };

const OK: EventCheck = { ok: true };
const KINDS = new Set<string>(EVENT_KINDS);
const OUTCOME_SET = new Set<string>(OUTCOMES);
/** zod's `z.iso.datetime({ offset: true })`: date, time, optional fraction, `Z` or ±HH:MM. */
const ISO =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/**
 * The last `@timestamp` that passed: consecutive events mostly share it (the formatter returns the
 * same string for the same instant), and the check depends on the text alone.
 */
let lastGoodTimestamp = '';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const bad = (path: string, problem: string): EventCheck => ({ ok: false, path, problem });
const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string';
const optObj = (v: unknown): boolean => v === undefined || isObj(v);

/*
 * Every field is read by name, not through a key list: `o[k]` with a variable key is a generic
 * keyed lookup (megamorphic, hashed), which made this check cost as much as parsing the line.
 * Named reads get inline caches. Paths are literals so that nothing is allocated for a good event.
 */

function stringList(v: unknown, path: string): EventCheck | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) return bad(path, 'not an array');
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return bad(path, 'not a string list');
  return undefined;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** `source`, `destination`, `client` or `server` (`key`), already read into `e`. */
function endpoint(e: unknown, key: string): EventCheck | undefined {
  if (e === undefined) return undefined;
  if (!isObj(e)) return bad(key, 'not an object');
  if (!optStr(e.address)) return bad(`${key}.address`, 'not a string');
  if (!optStr(e.domain)) return bad(`${key}.domain`, 'not a string');
  if (!optStr(e.mac)) return bad(`${key}.mac`, 'not a string');
  const ip = e.ip;
  if (ip !== undefined && (typeof ip !== 'string' || ip === ''))
    return bad(`${key}.ip`, 'not a non-empty string');
  const port = e.port;
  if (port !== undefined && !(isInt(port) && port >= 0 && port <= 65535))
    return bad(`${key}.port`, 'not a port');
  const bytes = e.bytes;
  if (bytes !== undefined && !(typeof bytes === 'number' && bytes >= 0))
    return bad(`${key}.bytes`, 'negative or not a number');
  const packets = e.packets;
  if (packets !== undefined && !(isInt(packets) && packets >= 0)) return bad(`${key}.packets`, 'not a count');
  return undefined;
}

/** The string fields and roles of `user` or of one of its nested users (`path`). */
function userFields(u: Obj, path: string): EventCheck | undefined {
  if (!optStr(u.name)) return bad(`${path}.name`, 'not a string');
  if (!optStr(u.id)) return bad(`${path}.id`, 'not a string');
  if (!optStr(u.domain)) return bad(`${path}.domain`, 'not a string');
  if (!optStr(u.email)) return bad(`${path}.email`, 'not a string');
  return u.roles === undefined ? undefined : stringList(u.roles, `${path}.roles`);
}

function nestedUser(u: unknown, path: string): EventCheck | undefined {
  if (u === undefined) return undefined;
  if (!isObj(u)) return bad(path, 'not an object');
  return userFields(u, path);
}

function user(u: unknown): EventCheck | undefined {
  if (u === undefined) return undefined;
  if (!isObj(u)) return bad('user', 'not an object');
  return (
    userFields(u, 'user') ??
    nestedUser(u.target, 'user.target') ??
    nestedUser(u.effective, 'user.effective') ??
    nestedUser(u.changes, 'user.changes')
  );
}

export function validateEvent(ev: unknown): EventCheck {
  if (!isObj(ev)) return bad('', 'not an object');
  const ts = ev['@timestamp'];
  if (ts !== lastGoodTimestamp) {
    if (typeof ts !== 'string' || !ISO.test(ts))
      return bad('@timestamp', 'not an ISO-8601 date-time with offset');
    lastGoodTimestamp = ts;
  }
  const e = ev.event;
  if (!isObj(e)) return bad('event', 'missing');
  if (typeof e.id !== 'string' || e.id === '') return bad('event.id', 'missing');
  if (typeof e.kind !== 'string' || !KINDS.has(e.kind)) return bad('event.kind', 'not an ECS kind');
  if (!Array.isArray(e.category)) return bad('event.category', 'not an array');
  const cat = stringList(e.category, 'event.category') ?? stringList(e.type, 'event.type');
  if (cat !== undefined) return cat;
  if (!Array.isArray(e.type)) return bad('event.type', 'not an array');
  if (typeof e.dataset !== 'string' || e.dataset === '') return bad('event.dataset', 'missing');
  if (typeof e.original !== 'string') return bad('event.original', 'missing');
  if (e.outcome !== undefined && (typeof e.outcome !== 'string' || !OUTCOME_SET.has(e.outcome)))
    return bad('event.outcome', 'not an ECS outcome');
  if (!optStr(e.action)) return bad('event.action', 'not a string');
  if (!optStr(e.module)) return bad('event.module', 'not a string');
  if (!optStr(e.provider)) return bad('event.provider', 'not a string');
  if (!optStr(e.timezone)) return bad('event.timezone', 'not a string');
  if (!optStr(e.reason)) return bad('event.reason', 'not a string');
  if (e.severity !== undefined && typeof e.severity !== 'number')
    return bad('event.severity', 'not a number');
  if (e.duration !== undefined && typeof e.duration !== 'number')
    return bad('event.duration', 'not a number');
  if (e.ingested !== undefined && (typeof e.ingested !== 'string' || !ISO.test(e.ingested)))
    return bad('event.ingested', 'not a date-time');
  const v = ev.vigil;
  if (!isObj(v) || v.schema_version !== 1) return bad('vigil.schema_version', 'not 1');
  if (v.truncated !== undefined && typeof v.truncated !== 'boolean')
    return bad('vigil.truncated', 'not a boolean');
  if (v.parser !== undefined && typeof v.parser !== 'string') return bad('vigil.parser', 'not a string');
  if (v.repeat !== undefined) {
    const rep = v.repeat;
    if (!isObj(rep) || !isInt(rep.index) || rep.index < 1 || !isInt(rep.of) || rep.of < 1)
      return bad('vigil.repeat', 'invalid');
  }
  if (v.origin !== undefined) {
    const o = v.origin;
    if (!isObj(o) || typeof o.topic !== 'string' || !isInt(o.partition) || typeof o.offset !== 'string')
      return bad('vigil.origin', 'invalid');
  }
  const ends =
    endpoint(ev.source, 'source') ??
    endpoint(ev.destination, 'destination') ??
    endpoint(ev.client, 'client') ??
    endpoint(ev.server, 'server');
  if (ends !== undefined) return ends;
  const u = user(ev.user);
  if (u !== undefined) return u;
  if (ev.process !== undefined) {
    const p = ev.process;
    if (!isObj(p)) return bad('process', 'not an object');
    if (p.pid !== undefined && !isInt(p.pid)) return bad('process.pid', 'not an integer');
    if (!optStr(p.name)) return bad('process.name', 'not a string');
    if (!optStr(p.command_line)) return bad('process.command_line', 'not a string');
    if (!optStr(p.executable)) return bad('process.executable', 'not a string');
    if (!optStr(p.working_directory)) return bad('process.working_directory', 'not a string');
  }
  const http = ev.http;
  if (http !== undefined) {
    if (!isObj(http)) return bad('http', 'not an object');
    const res = http.response;
    if (res !== undefined && (!isObj(res) || (res.status_code !== undefined && !isInt(res.status_code))))
      return bad('http.response', 'invalid');
  }
  const related = ev.related;
  if (related !== undefined) {
    if (!isObj(related)) return bad('related', 'not an object');
    const r =
      stringList(related.ip, 'related.ip') ??
      stringList(related.user, 'related.user') ??
      stringList(related.hosts, 'related.hosts');
    if (r !== undefined) return r;
  }
  const tags = stringList(ev.tags, 'tags');
  if (tags !== undefined) return tags;
  if (!optStr(ev.message)) return bad('.message', 'not a string');
  if (!optObj(ev.host)) return bad('host', 'not an object');
  if (!optObj(ev.network)) return bad('network', 'not an object');
  if (!optObj(ev.group)) return bad('group', 'not an object');
  if (!optObj(ev.url)) return bad('url', 'not an object');
  if (!optObj(ev.user_agent)) return bad('user_agent', 'not an object');
  if (!optObj(ev.observer)) return bad('observer', 'not an object');
  if (!optObj(ev.log)) return bad('log', 'not an object');
  if (!optObj(ev.rule)) return bad('rule', 'not an object');
  if (!optObj(ev.cloud)) return bad('cloud', 'not an object');
  if (!optObj(ev.error)) return bad('error', 'not an object');
  if (!optObj(ev.system)) return bad('system', 'not an object');
  return OK;
}
