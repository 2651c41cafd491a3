import { BlockList, isIP } from 'node:net';
import { parseCidr } from '../modifiers/field-modifiers.js';

/** Tests an address against CIDR networks of both families; IPv4-mapped IPv6 matches IPv4 networks. */
export function compileCidrMatcher(networks: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const network of networks) {
    const cidr = parseCidr(network);
    // Networks were validated by the cidr modifier; an invalid one here is a programming error.
    if (cidr === undefined) throw new TypeError(`invalid CIDR ${network}`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (address) => {
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}
