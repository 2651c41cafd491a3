import { BlockList, isIP } from 'node:net';
import { parseCidr } from '../modifiers/field-modifiers.js';
import { ipv4Value } from './ipv4-value.js';

/** An IPv4 network as (masked base, mask), both unsigned 32-bit. */
interface Ipv4Network {
  readonly base: number;
  readonly mask: number;
}

/**
 * The last 32 bits of an IPv6 address in `::ffff:0:0/96`, -1 for any other address, undefined when
 * the text cannot be read (zones). The URL parser's canonical form writes every address of that
 * /96, and only those, as `::ffff:h:h`.
 */
function mappedIpv4(address: string): number | undefined {
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname;
  } catch {
    return undefined;
  }
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(canonical);
  if (mapped === null) return canonical.startsWith('[') ? -1 : undefined;
  return ((parseInt(mapped[1] ?? '', 16) << 16) | parseInt(mapped[2] ?? '', 16)) >>> 0;
}

/**
 * How IPv4 addresses can be answered without BlockList. BlockList compares an IPv4 address with an
 * IPv6 network as `::ffff:a.b.c.d`, so an IPv6 network of prefix <= 96 holds all IPv4 addresses or
 * none (one probe at load tells which), and a longer one holds the IPv4 network of its last 32 bits
 * when it lies in `::ffff:0:0/96`, else none. Undefined (BlockList for everything) if unsure.
 */
function ipv4Plan(
  cidrs: readonly { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[],
): { networks: Ipv4Network[]; all: boolean } | undefined {
  const networks: Ipv4Network[] = [];
  let all = false;
  for (const cidr of cidrs) {
    if (cidr.family === 'ipv4') {
      const mask = cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0;
      networks.push({ base: (ipv4Value(cidr.address) & mask) >>> 0, mask });
    } else if (cidr.prefix <= 96) {
      const probe = new BlockList();
      probe.addSubnet(cidr.address, cidr.prefix, 'ipv6');
      if (probe.check('0.0.0.0', 'ipv4')) all = true;
    } else {
      const low = mappedIpv4(cidr.address);
      if (low === undefined) return undefined;
      if (low < 0) continue;
      const mask = (0xffffffff << (128 - cidr.prefix)) >>> 0;
      networks.push({ base: (low & mask) >>> 0, mask });
    }
  }
  return { networks, all };
}

/** Tests an address against CIDR networks of both families; IPv4-mapped IPv6 matches IPv4 networks. */
export function compileCidrMatcher(networks: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  const cidrs = networks.map((network) => {
    const cidr = parseCidr(network);
    // Networks were validated by the cidr modifier; an invalid one here is a programming error.
    if (cidr === undefined) throw new TypeError(`invalid CIDR ${network}`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    return cidr;
  });
  const plan = ipv4Plan(cidrs);
  return (address) => {
    // Hot path: an IPv4 address is a few mask compares. BlockList builds a SocketAddress per check,
    // which cost more than the rest of a rule's predicate.
    if (plan !== undefined) {
      const value = ipv4Value(address);
      if (value >= 0) {
        if (plan.all) return true;
        for (const network of plan.networks) if ((value & network.mask) >>> 0 === network.base) return true;
        return false;
      }
    }
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}
