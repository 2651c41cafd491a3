/**
 * Linux netfilter LOG/NFLOG lines written by the kernel: iptables `-j LOG --log-prefix`, ufw and
 * nftables `log prefix`, e.g.
 * `kernel: [ 3529.289825] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=198.51.100.7 DST=192.0.2.10 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=TCP SPT=53 DPT=36427 WINDOW=29200 RES=0x00 SYN URGP=0`.
 * The action comes from the log prefix (Ubiquiti `[ruleset-rule-A|D]` labels as in Elastic's
 * iptables pipeline); fields are key=value tokens up to an ICMP error's quoted inner packet `[...]`.
 */
import type { EventDraft } from '../event/event-draft.js';
import { classify } from '../event/draft-helpers.js';
import { isIPv4 } from '../event/ip.js';
import { communityId } from './community-id.js';

/** Where `IN=` starts in `text`, when `text` is a netfilter record (`IN=` … `OUT=` … `SRC=`). */
export function netfilterStart(text: string): number {
  const at = text.indexOf('IN=');
  if (at < 0) return -1;
  const before = at === 0 ? 32 : text.charCodeAt(at - 1);
  if (before !== 32 && before !== 93 && before !== 58 && before !== 41) return -1;
  if (!text.startsWith(' OUT=', text.indexOf(' ', at))) return -1;
  return text.includes(' SRC=', at) ? at : -1;
}

const UPTIME = /^\[\s*\d+\.\d+\]\s*/;
const UBIQUITI = /\[([^\]]*)-([^\-\]]*)-([^\-\]]*)\]$/;
const NOISE = /^(?:iptables|ip6tables|ufw|nft|nftables|netfilter)(?:[\s_-]+|$)/i;
const UBIQUITI_ACTIONS: Readonly<Record<string, string>> = { D: 'drop', A: 'accept', R: 'reject' };
const TCP_FLAGS = new Set(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);
const IP_FLAGS = new Set(['CE', 'DF', 'MF']);

function formatMac(octets: readonly string[], from: number): string | undefined {
  if (octets.length < from + 6) return undefined;
  return octets
    .slice(from, from + 6)
    .join('-')
    .toUpperCase();
}

/** The action a (non-Ubiquiti) log prefix names; a pure function of the text, so it is memoized. */
const actionCache = new Map<string, string>();

function prefixAction(text: string): string {
  const cached = actionCache.get(text);
  if (cached !== undefined) return cached;
  const prefix = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/:$/, '')
    .trim()
    .replace(NOISE, '');
  const action = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  // Prefixes are a handful of configured labels; a flood of distinct ones only resets the cache.
  if (actionCache.size >= 1_000) actionCache.clear();
  actionCache.set(text, action);
  return action;
}

function applyPrefix(ev: EventDraft, prefixText: string): void {
  const prefix = prefixText.replace(UPTIME, '');
  const ubi = UBIQUITI.exec(prefix);
  if (ubi !== null) {
    const [, ruleSet = '', ruleNumber = '', code = ''] = ubi;
    ev.event.action = UBIQUITI_ACTIONS[code] ?? code.toLowerCase();
    ev.rule = { name: ruleSet, id: ruleNumber };
    const dash = ruleSet.indexOf('-');
    if (dash >= 0) {
      const next = ruleSet.indexOf('-', dash + 1);
      ev.observer = {
        ...ev.observer,
        ingress: { zone: ruleSet.slice(0, dash) },
        egress: { zone: ruleSet.slice(dash + 1, next < 0 ? undefined : next) },
      };
    }
    return;
  }
  const action = prefixAction(prefix);
  if (action !== '') ev.event.action = action;
}

/** Record keys, by first character: `KEY=` tokens are matched in place, without slicing the key. */
const KEYS = [
  'IN',
  'OUT',
  'MAC',
  'SRC',
  'DST',
  'LEN',
  'TOS',
  'TC',
  'PREC',
  'TTL',
  'HOPLIMIT',
  'FLOWLBL',
  'ID',
  'PROTO',
  'SPT',
  'DPT',
  'WINDOW',
  'RES',
  'TYPE',
  'CODE',
  'SEQ',
  'MARK',
];
const KEYS_BY_FIRST = new Map<number, string[]>();
for (const key of KEYS) {
  const list = KEYS_BY_FIRST.get(key.charCodeAt(0)) ?? [];
  list.push(key);
  KEYS_BY_FIRST.set(key.charCodeAt(0), list);
}

/** The known key spelled by `text[from, to)`, or undefined. */
function keyAt(text: string, from: number, to: number): string | undefined {
  const candidates = KEYS_BY_FIRST.get(text.charCodeAt(from));
  if (candidates === undefined) return undefined;
  for (const key of candidates) if (key.length === to - from && text.startsWith(key, from)) return key;
  return undefined;
}

/** `Number(text.slice(from, to))` (NaN when empty), with plain digit runs read in place. */
function numberAt(text: string, from: number, to: number): number {
  if (to === from) return Number.NaN;
  if (to - from <= 15) {
    let value = 0;
    let i = from;
    for (; i < to; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === to) return value;
  }
  return Number(text.slice(from, to));
}

/** `parseInt(value.replace(/^0x/i, ''), radix)` without the regex. */
function hexish(value: string, radix: number): number {
  const x = value.charCodeAt(1);
  return parseInt(value.charCodeAt(0) === 48 && (x === 120 || x === 88) ? value.slice(2) : value, radix);
}

/** Parses the netfilter record starting at `at` in `text`; `prefixText` is what precedes it. */
export function parseNetfilter(ev: EventDraft, text: string, at: number, prefixText: string): void {
  applyPrefix(ev, prefixText);
  const ipt: Record<string, unknown> = {};
  const tcp: Record<string, unknown> = {};
  const icmp: Record<string, unknown> = {};
  const tcpFlags: string[] = [];
  const fragFlags: string[] = [];
  let proto: string | undefined;
  let src: string | undefined;
  let dst: string | undefined;
  let spt: number | undefined;
  let dpt: number | undefined;
  let macOctets: string[] | undefined;
  let hasTcp = false;
  let hasIcmp = false;
  const cut = text.indexOf(' [', at);
  const end = cut < 0 ? text.length : cut;
  // Space-separated tokens of text[at, end), empty ones skipped (as `split(' ')` would give them).
  for (let from = at; from < end;) {
    let to = text.indexOf(' ', from);
    if (to < 0 || to > end) to = end;
    if (to === from) {
      from++;
      continue;
    }
    const eq = text.indexOf('=', from);
    if (eq < 0 || eq >= to) {
      const token = text.slice(from, to);
      if (proto === undefined && IP_FLAGS.has(token)) fragFlags.push(token);
      else if (proto !== undefined && TCP_FLAGS.has(token)) tcpFlags.push(token);
      from = to + 1;
      continue;
    }
    const key = keyAt(text, from, eq);
    const v = eq + 1;
    switch (key) {
      case 'IN':
        ipt.input_device = text.slice(v, to);
        break;
      case 'OUT':
        ipt.output_device = text.slice(v, to);
        break;
      case 'MAC':
        macOctets = text.slice(v, to).split(':');
        break;
      case 'SRC':
        src = text.slice(v, to);
        break;
      case 'DST':
        dst = text.slice(v, to);
        break;
      case 'LEN':
        if (proto === undefined) ipt.length = numberAt(text, v, to);
        else ipt.udp = { length: numberAt(text, v, to) };
        break;
      case 'TOS':
      case 'TC':
        ipt.tos = hexish(text.slice(v, to), key === 'TC' ? 10 : 16);
        break;
      case 'PREC':
        ipt.precedence_bits = hexish(text.slice(v, to), 16);
        break;
      case 'TTL':
      case 'HOPLIMIT':
        ipt.ttl = numberAt(text, v, to);
        break;
      case 'FLOWLBL':
        ipt.flow_label = numberAt(text, v, to);
        break;
      case 'ID':
        if (proto === undefined) ipt.id = numberAt(text, v, to);
        else {
          icmp.id = numberAt(text, v, to);
          hasIcmp = true;
        }
        break;
      case 'PROTO':
        proto = text.slice(v, to);
        break;
      case 'SPT':
        spt = numberAt(text, v, to);
        break;
      case 'DPT':
        dpt = numberAt(text, v, to);
        break;
      case 'WINDOW':
        tcp.window = numberAt(text, v, to);
        hasTcp = true;
        break;
      case 'RES':
        tcp.reserved_bits = hexish(text.slice(v, to), 16);
        hasTcp = true;
        break;
      case 'TYPE':
        icmp.type = numberAt(text, v, to);
        hasIcmp = true;
        break;
      case 'CODE':
        icmp.code = numberAt(text, v, to);
        hasIcmp = true;
        break;
      case 'SEQ':
        icmp.seq = numberAt(text, v, to);
        hasIcmp = true;
        break;
      case 'MARK':
        ipt.mark = text.slice(v, to);
        break;
      default:
        break;
    }
    from = to + 1;
  }
  if (fragFlags.length > 0) ipt.fragment_flags = fragFlags;
  if (tcpFlags.length > 0) {
    tcp.flags = tcpFlags;
    hasTcp = true;
  }
  if (hasTcp) ipt.tcp = tcp;
  if (hasIcmp) ipt.icmp = icmp;

  if (src !== undefined && src !== '') {
    ev.source = { address: src, ip: src };
    if (spt !== undefined && Number.isInteger(spt) && spt >= 0 && spt <= 65535) ev.source.port = spt;
  }
  if (dst !== undefined && dst !== '') {
    ev.destination = { address: dst, ip: dst };
    if (dpt !== undefined && Number.isInteger(dpt) && dpt >= 0 && dpt <= 65535) ev.destination.port = dpt;
  }
  if (macOctets !== undefined) {
    const dmac = formatMac(macOctets, 0);
    const smac = formatMac(macOctets, 6);
    if (dmac !== undefined && ev.destination !== undefined) ev.destination.mac = dmac;
    if (smac !== undefined && ev.source !== undefined) ev.source.mac = smac;
    if (macOctets.length >= 14) ipt.ether_type = parseInt(`${macOctets[12] ?? ''}${macOctets[13] ?? ''}`, 16);
  }
  const network: NonNullable<EventDraft['network']> = {};
  if (proto !== undefined && proto !== '') {
    if (/^\d+$/.test(proto)) network.iana_number = proto;
    else {
      const lower = proto.toLowerCase();
      network.transport = lower === 'icmpv6' ? 'ipv6-icmp' : lower;
    }
  }
  if (src !== undefined && src !== '') network.type = isIPv4(src) ? 'ipv4' : 'ipv6';
  const icmpType = typeof icmp.type === 'number' ? icmp.type : undefined;
  const icmpCode = typeof icmp.code === 'number' ? icmp.code : undefined;
  const isIcmp = network.transport === 'icmp' || network.transport === 'ipv6-icmp';
  const cid = communityId(
    network.transport,
    src,
    dst,
    isIcmp ? icmpType : ev.source?.port,
    isIcmp ? icmpCode : ev.destination?.port,
  );
  if (cid !== undefined) network.community_id = cid;
  const inDev = typeof ipt.input_device === 'string' ? ipt.input_device : '';
  const outDev = typeof ipt.output_device === 'string' ? ipt.output_device : '';
  if (inDev !== '' && outDev === '') network.direction = 'ingress';
  else if (outDev !== '' && inDev === '') network.direction = 'egress';
  ev.network = network;
  const observer = (ev.observer ??= {});
  if (ev.host?.hostname !== undefined) observer.name = ev.host.hostname;
  if (inDev !== '')
    observer.ingress = { ...(observer.ingress as object | undefined), interface: { name: inDev } };
  if (outDev !== '')
    observer.egress = { ...(observer.egress as object | undefined), interface: { name: outDev } };
  // Malformed numbers (`TTL=x`) are dropped rather than stored as NaN (a copy only when there is one).
  let hasNaN = false;
  for (const key in ipt) {
    const value = ipt[key];
    if (typeof value === 'number' && Number.isNaN(value)) hasNaN = true;
  }
  ev.iptables = hasNaN
    ? Object.fromEntries(Object.entries(ipt).filter(([, v]) => !(typeof v === 'number' && Number.isNaN(v))))
    : ipt;

  const action = ev.event.action ?? '';
  const type: string[] = [];
  if (/drop|deny|reject|block/.test(action)) type.push('denied');
  else if (/accept|allow|pass/.test(action)) type.push('allowed');
  if (ev.source !== undefined && ev.destination !== undefined) type.push('connection');
  classify(ev, undefined, ['network'], type);
}
