/**
 * Community ID v1 flow hashes (https://github.com/corelight/community-id-spec), as Elastic's
 * `community_id` processor computes them, so that a Zeek connection and the firewall line for the
 * same flow share `network.community_id`. Seed 0; TCP, UDP, SCTP, ICMP and ICMPv6.
 */
import { hash } from 'node:crypto';
import { isIPv4 } from '../event/ip.js';

const PROTOCOLS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, sctp: 132, icmp: 1, 'ipv6-icmp': 58 };
/** ICMP types whose reply type makes the flow two-way (request ↔ reply). */
const ICMP4_PAIRS: Readonly<Record<number, number>> = {
  8: 0,
  0: 8,
  13: 14,
  14: 13,
  15: 16,
  16: 15,
  10: 9,
  9: 10,
  17: 18,
  18: 17,
};
const ICMP6_PAIRS: Readonly<Record<number, number>> = {
  128: 129,
  129: 128,
  133: 134,
  134: 133,
  135: 136,
  136: 135,
  130: 131,
  131: 130,
  144: 145,
  145: 144,
};

/** The four octets of a dotted quad already checked by `isIPv4`, read in place. */
function ipv4Bytes(ip: string): Uint8Array {
  const bytes = new Uint8Array(4);
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) octet++;
    else bytes[octet] = (bytes[octet] ?? 0) * 10 + (c - 48);
  }
  return bytes;
}

function ipBytes(ip: string): Uint8Array | undefined {
  if (isIPv4(ip)) return ipv4Bytes(ip);
  const zone = ip.indexOf('%');
  const addr = (zone >= 0 ? ip.slice(0, zone) : ip).toLowerCase();
  let head = addr;
  let tail = '';
  const dbl = addr.indexOf('::');
  if (dbl >= 0) {
    head = addr.slice(0, dbl);
    tail = addr.slice(dbl + 2);
  }
  const words = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        if (!isIPv4(g)) return undefined;
        const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else {
        const w = parseInt(g, 16);
        if (!/^[0-9a-f]{1,4}$/.test(g) || Number.isNaN(w)) return undefined;
        out.push(w);
      }
    }
    return out;
  };
  const h = words(head);
  const t = words(tail);
  if (h === undefined || t === undefined) return undefined;
  const fill = dbl >= 0 ? 8 - h.length - t.length : 0;
  if (fill < 0 || h.length + fill + t.length !== 8) return undefined;
  const all = [...h, ...new Array<number>(fill).fill(0), ...t];
  const bytes = new Uint8Array(16);
  all.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** `1:<base64 sha1>` for a flow, or undefined when the flow cannot be hashed. */
export function communityId(
  transport: string | undefined,
  srcIp: string | undefined,
  dstIp: string | undefined,
  srcPort: number | undefined,
  dstPort: number | undefined,
): string | undefined {
  const proto = transport === undefined ? undefined : PROTOCOLS[transport];
  if (proto === undefined || srcIp === undefined || dstIp === undefined) return undefined;
  let src = ipBytes(srcIp);
  let dst = ipBytes(dstIp);
  if (src === undefined || dst === undefined || src.length !== dst.length) return undefined;
  if (srcPort === undefined || dstPort === undefined) return undefined;
  let sp = srcPort;
  let dp = dstPort;
  let oneWay = false;
  if (proto === 1 || proto === 58) {
    const pairs = proto === 1 ? ICMP4_PAIRS : ICMP6_PAIRS;
    const counterpart = pairs[srcPort];
    if (counterpart === undefined) oneWay = true;
    else dp = counterpart;
  }
  if (!oneWay) {
    const c = compare(src, dst);
    if (c > 0 || (c === 0 && sp > dp)) {
      [src, dst] = [dst, src];
      [sp, dp] = [dp, sp];
    }
  }
  const buf = Buffer.allocUnsafe(2 + src.length * 2 + 2 + 4);
  buf[0] = 0;
  buf[1] = 0;
  let o = 2; // seed 0
  buf.set(src, o);
  o += src.length;
  buf.set(dst, o);
  o += dst.length;
  buf[o++] = proto;
  buf[o++] = 0;
  buf.writeUInt16BE(sp, o);
  buf.writeUInt16BE(dp, o + 2);
  // One-shot hash: no Hash object per flow.
  return `1:${hash('sha1', buf, 'base64')}`;
}
