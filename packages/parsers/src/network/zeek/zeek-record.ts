/**
 * Maps a Zeek log record (from the JSON writer, or the TSV writer via `ZeekTsvState`) to ECS, after
 * Elastic's zeek integration: `conn` → `zeek.connection`, `ssh` → `zeek.ssh`, other paths keep
 * their columns under `zeek.<path>`. Sample JSON: `{"ts":1547188415.857497,"uid":"CAcJw21BbVedgFnYH3",
 * "id.orig_h":"192.168.86.167","id.orig_p":38339,"id.resp_h":"192.168.86.1","id.resp_p":53,"proto":"udp",...}`.
 */
import type { EventDraft } from '../../event/event-draft.js';
import { classify, newDraft } from '../../event/draft-helpers.js';
import { isIp } from '../../event/ip.js';
import type { Toolkit } from '../../model/toolkit.js';
import { scanIso } from '../../time/timestamp-scan.js';
import { communityId } from '../community-id.js';
import type { ZeekRecord } from './zeek-tsv.js';

const CONN_STATES: Readonly<Record<string, readonly [string, readonly string[]]>> = {
  S0: ['Connection attempt seen, no reply.', ['connection', 'start']],
  S1: ['Connection established, not terminated.', ['connection', 'start']],
  SF: ['Normal establishment and termination.', ['connection', 'start', 'end']],
  REJ: ['Connection attempt rejected.', ['connection', 'start', 'denied']],
  S2: [
    'Connection established and close attempt by originator seen (but no reply from responder).',
    ['connection', 'info'],
  ],
  S3: [
    'Connection established and close attempt by responder seen (but no reply from originator).',
    ['connection', 'info'],
  ],
  RSTO: ['Connection established, originator aborted (sent a RST).', ['connection', 'info']],
  RSTR: ['Responder sent a RST.', ['connection', 'info']],
  RSTOS0: [
    'Originator sent a SYN followed by a RST, we never saw a SYN-ACK from the responder.',
    ['connection', 'info'],
  ],
  RSTRH: [
    'Responder sent a SYN ACK followed by a RST, we never saw a SYN from the (purported) originator.',
    ['connection', 'info'],
  ],
  SH: [
    "Originator sent a SYN followed by a FIN, we never saw a SYN ACK from the responder (hence the connection was 'half' open).",
    ['connection', 'info'],
  ],
  SHR: [
    'Responder sent a SYN ACK followed by a FIN, we never saw a SYN from the originator.',
    ['connection', 'info'],
  ],
  OTH: [
    "No SYN seen, just midstream traffic (a 'partial connection' that was not later closed).",
    ['connection', 'info'],
  ],
};

/** Whether a parsed JSON object looks like a Zeek record. */
export function isZeekRecord(o: Record<string, unknown>): boolean {
  return 'ts' in o && 'uid' in o && 'id.orig_h' in o;
}

/** The Zeek log path of a JSON record (`_path` when present, else guessed from its columns). */
export function zeekPath(o: Record<string, unknown>): string {
  if (typeof o._path === 'string' && /^[a-z0-9_]{1,32}$/.test(o._path)) return o._path;
  if ('conn_state' in o || 'orig_ip_bytes' in o) return 'conn';
  if ('auth_success' in o || 'kex_alg' in o || 'host_key' in o) return 'ssh';
  return 'unknown';
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
const portOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535 ? v : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function timestampOf(rec: ZeekRecord, tk: Toolkit): number {
  const ts = rec.ts;
  if (typeof ts === 'number' && ts >= 0 && ts < 253402300800) return Math.floor(ts * 1000);
  if (typeof ts === 'string') {
    const end = scanIso(ts, 0, tk.clock, tk.scan);
    if (end === ts.length) return tk.scan.ms;
  }
  return Number.NaN;
}

function endpoints(ev: EventDraft, rec: ZeekRecord, icmp: boolean): void {
  const oh = str(rec['id.orig_h']);
  const rh = str(rec['id.resp_h']);
  const op = portOf(rec['id.orig_p']);
  const rp = portOf(rec['id.resp_p']);
  if (oh !== undefined) {
    ev.source = isIp(oh) ? { address: oh, ip: oh } : { address: oh };
    if (op !== undefined && !icmp) ev.source.port = op;
  }
  if (rh !== undefined) {
    ev.destination = isIp(rh) ? { address: rh, ip: rh } : { address: rh };
    if (rp !== undefined && !icmp) ev.destination.port = rp;
  }
}

function direction(rec: ZeekRecord): string | undefined {
  const lo = rec.local_orig;
  const lr = rec.local_resp;
  if (typeof lo !== 'boolean' || typeof lr !== 'boolean') return undefined;
  if (lo) return lr ? 'internal' : 'outbound';
  return lr ? 'inbound' : 'external';
}

function mapConn(ev: EventDraft, rec: ZeekRecord): void {
  const proto = str(rec.proto);
  const icmp = proto === 'icmp';
  endpoints(ev, rec, icmp);
  const network: NonNullable<EventDraft['network']> = {};
  if (proto !== undefined) network.transport = proto;
  const service = str(rec.service);
  if (service !== undefined) network.protocol = service;
  const sb = count(rec.orig_ip_bytes);
  const db = count(rec.resp_ip_bytes);
  const sp = count(rec.orig_pkts);
  const dp = count(rec.resp_pkts);
  if (ev.source !== undefined) {
    if (sb !== undefined) ev.source.bytes = sb;
    if (sp !== undefined) ev.source.packets = sp;
  }
  if (ev.destination !== undefined) {
    if (db !== undefined) ev.destination.bytes = db;
    if (dp !== undefined) ev.destination.packets = dp;
  }
  if (sb !== undefined && db !== undefined) network.bytes = sb + db;
  if (sp !== undefined && dp !== undefined) network.packets = sp + dp;
  const cid = communityId(
    proto,
    str(rec['id.orig_h']),
    str(rec['id.resp_h']),
    num(rec['id.orig_p']),
    num(rec['id.resp_p']),
  );
  if (cid !== undefined) network.community_id = cid;
  const dir = direction(rec);
  if (dir !== undefined) network.direction = dir;
  ev.network = network;
  const duration = num(rec.duration);
  if (duration !== undefined) ev.event.duration = Math.round(duration * 1e9);
  const conn: Record<string, unknown> = {};
  const state = str(rec.conn_state);
  let types: readonly string[] = ['connection'];
  if (state !== undefined) {
    conn.state = state;
    const known = CONN_STATES[state];
    if (known !== undefined) {
      conn.state_message = known[0];
      types = known[1];
    }
  }
  for (const k of [
    'history',
    'local_orig',
    'local_resp',
    'missed_bytes',
    'orig_bytes',
    'resp_bytes',
  ] as const) {
    if (rec[k] !== undefined) conn[k] = rec[k];
  }
  if (icmp) {
    const type = num(rec['id.orig_p']);
    const code = num(rec['id.resp_p']);
    conn.icmp = { ...(type !== undefined ? { type } : {}), ...(code !== undefined ? { code } : {}) };
  }
  ev.zeek = { session_id: rec.uid, connection: conn };
  classify(ev, 'network_flow', ['network'], types, state === 'REJ' ? 'failure' : undefined);
}

const SSH_FIELDS = [
  'version',
  'direction',
  'client',
  'server',
  'cipher_alg',
  'mac_alg',
  'compression_alg',
  'kex_alg',
  'host_key_alg',
  'host_key',
] as const;

function mapSsh(ev: EventDraft, rec: ZeekRecord): void {
  endpoints(ev, rec, false);
  ev.network = { transport: 'tcp', protocol: 'ssh' };
  const ssh: Record<string, unknown> = {};
  for (const k of SSH_FIELDS) if (rec[k] !== undefined) ssh[k] = rec[k];
  const success = rec.auth_success;
  const attempts = num(rec.auth_attempts);
  ssh.auth = {
    ...(typeof success === 'boolean' ? { success } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
  };
  ev.zeek = { session_id: rec.uid, ssh };
  if (typeof success === 'boolean') {
    classify(
      ev,
      'ssh_login',
      ['network', 'authentication'],
      ['connection', 'protocol'],
      success ? 'success' : 'failure',
    );
  } else {
    classify(ev, 'ssh_handshake', ['network'], ['connection', 'protocol'], 'unknown');
  }
}

/** Builds the event for one Zeek record; `original` is the line as read. */
export function zeekEvent(rec: ZeekRecord, path: string, tk: Toolkit, original: string): EventDraft {
  let ms = timestampOf(rec, tk);
  const fallback = Number.isNaN(ms);
  if (fallback) ms = tk.nowMs;
  const dataset = path === 'conn' ? 'zeek.connection' : `zeek.${path}`;
  const ev = newDraft(tk.iso(ms), original, dataset, dataset);
  if (fallback) ev.vigil.timestamp_fallback = true;
  if (path === 'conn') mapConn(ev, rec);
  else if (path === 'ssh') mapSsh(ev, rec);
  else {
    endpoints(ev, rec, false);
    const rest: Record<string, unknown> = { session_id: rec.uid };
    for (const [k, v] of Object.entries(rec)) if (k !== 'ts' && !k.startsWith('id.')) rest[k] = v;
    ev.zeek = { [path]: rest };
    classify(ev, undefined, ['network'], ['info']);
  }
  return ev;
}
