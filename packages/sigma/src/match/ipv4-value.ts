/**
 * A dotted-quad IPv4 address as an unsigned 32-bit number, or -1. Accepts exactly what
 * `net.isIP` calls IPv4 (four decimal octets 0-255, no leading zeros), without regex or allocation.
 */
export function ipv4Value(s: string): number {
  const n = s.length;
  if (n < 7 || n > 15) return -1;
  let result = 0;
  let octets = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || value > 255) return -1;
      result = result * 256 + value;
      octets++;
      value = 0;
      digits = 0;
    } else {
      const d = c - 48;
      if (d < 0 || d > 9 || digits === 3 || (digits === 1 && value === 0)) return -1;
      value = value * 10 + d;
      digits++;
    }
  }
  return octets === 4 ? result : -1;
}
