import { isIPv6 } from 'node:net';

/** Dotted-quad IPv4 check without regex or allocation. */
export function isIPv4(s: string): boolean {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || value > 255) return false;
      octets++;
      value = 0;
      digits = 0;
    } else {
      const d = c - 48;
      if (d < 0 || d > 9 || digits === 3) return false;
      if (digits === 1 && value === 0) return false; // no leading zeros
      value = value * 10 + d;
      digits++;
    }
  }
  return octets === 4;
}

/** Whether `s` is an IPv4 or IPv6 literal (IPv6 may carry a `%zone`). */
export function isIp(s: string): boolean {
  if (isIPv4(s)) return true;
  if (s.length < 2 || s.length > 64 || s.indexOf(':') < 0) return false;
  return isIPv6(s);
}

/** RFC 1918 / loopback / link-local / ULA: used to pick the client from a proxy chain like Elastic does. */
export function isPrivateIp(ip: string): boolean {
  if (isIPv4(ip)) {
    const dot = ip.indexOf('.');
    const a = Number(ip.slice(0, dot));
    const b = Number(ip.slice(dot + 1, ip.indexOf('.', dot + 1)));
    return (
      a === 10 ||
      a === 127 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  const lower = ip.toLowerCase();
  return lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}

/** `::ffff:192.0.2.1` → `192.0.2.1`: the same attacker then has one source.ip across logs (source.address keeps the raw text). */
export function unmapIpv4(ip: string): string {
  if (ip.length > 7 && (ip.startsWith('::ffff:') || ip.startsWith('::FFFF:'))) {
    const v4 = ip.slice(7);
    if (isIPv4(v4)) return v4;
  }
  return ip;
}
