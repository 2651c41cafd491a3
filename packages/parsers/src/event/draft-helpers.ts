/** Small setters shared by the format parsers: they never write empty strings or NaN. */
import type { EndpointDraft, EventDraft, UserDraft } from './event-draft.js';
import { isIp, unmapIpv4 } from './ip.js';

export function newDraft(timestamp: string, original: string, dataset: string, parser: string): EventDraft {
  return {
    '@timestamp': timestamp,
    event: { id: '', kind: 'event', category: [], type: [], dataset, original },
    vigil: { schema_version: 1, parser },
  };
}

/** `address` as given; `ip` when it is an IP literal, else `domain` (Elastic system.auth convention). */
export function endpoint(address: string, port?: number): EndpointDraft {
  const ep: EndpointDraft = { address };
  if (isIp(address)) ep.ip = unmapIpv4(address);
  else ep.domain = address;
  if (port !== undefined && Number.isInteger(port) && port >= 0 && port <= 65535) ep.port = port;
  return ep;
}

/** Sets `source` from a raw remote address (ignored when empty or a placeholder like `-`). */
export function setSource(ev: EventDraft, address: string | undefined, port?: number): void {
  if (address === undefined || address === '' || address === '-' || address === '?') return;
  ev.source = endpoint(address, port);
}

export function setUser(ev: EventDraft, name: string | undefined): void {
  if (name === undefined || name === '') return;
  (ev.user ??= {}).name = name;
}

export function setUserField(ev: EventDraft, which: 'target' | 'effective', name: string | undefined): void {
  if (name === undefined || name === '') return;
  const user = (ev.user ??= {});
  (user[which] ??= {} as UserDraft).name = name;
}

export function classify(
  ev: EventDraft,
  action: string | undefined,
  category: readonly string[],
  type: readonly string[],
  outcome?: 'success' | 'failure' | 'unknown',
): void {
  if (action !== undefined) ev.event.action = action;
  ev.event.category = union(ev.event.category, category);
  ev.event.type = union(ev.event.type, type);
  if (outcome !== undefined) ev.event.outcome = outcome;
}

/**
 * `into` plus the members of `add` it lacks, in order. An empty `into` (the usual case) is replaced
 * by an exact-size array: the first push onto `[]` allocates room for 16.
 */
function union(into: string[], add: readonly string[]): string[] {
  if (into.length === 0) {
    if (add.length === 1) return [add[0] as string];
    if (add.length === 2 && add[0] !== add[1]) return [add[0] as string, add[1] as string];
  }
  for (const c of add) if (!into.includes(c)) into.push(c);
  return into;
}

/** Parses a decimal integer field; undefined for anything else (including `-`). */
export function toInt(s: string | undefined): number | undefined {
  if (s === undefined || s === '' || s.length > 15) return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

export function systemAuth(ev: EventDraft): Record<string, unknown> {
  return (ev.system ??= { auth: {} }).auth;
}

/** Fills `related.*` from the ECS fields, in Elastic's order, without duplicates. */
export function fillRelated(ev: EventDraft): void {
  const ips: string[] = [];
  if (ev.source?.ip !== undefined) ips.push(ev.source.ip);
  if (ev.destination?.ip !== undefined && !ips.includes(ev.destination.ip)) ips.push(ev.destination.ip);
  const users: string[] = [];
  const u = ev.user;
  if (u !== undefined) {
    if (u.name !== undefined && u.name !== '') users.push(u.name);
    const eff = u.effective?.name;
    if (eff !== undefined && eff !== '' && !users.includes(eff)) users.push(eff);
    const tgt = u.target?.name;
    if (tgt !== undefined && tgt !== '' && !users.includes(tgt)) users.push(tgt);
  }
  const hostname = ev.host?.hostname;
  if (ips.length === 0 && users.length === 0 && hostname === undefined) return;
  const related: NonNullable<EventDraft['related']> = {};
  if (ips.length > 0) related.ip = ips;
  if (users.length > 0) related.user = users;
  if (hostname !== undefined) related.hosts = [hostname];
  ev.related = related;
}
