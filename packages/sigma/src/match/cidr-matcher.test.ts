import { BlockList, isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCidrMatcher } from './cidr-matcher.js';
import { ipv4Value } from './ipv4-value.js';

/** What the matcher did before its IPv4 fast path: every address through BlockList. */
function reference(networks: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const network of networks) {
    const [address = '', prefix] = network.split('/');
    const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    list.addSubnet(address, prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix), family);
  }
  return (address) => {
    const version = isIP(address);
    return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const ipv4Network = fc
  .tuple(ipv4, fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }))
  .map(([address, prefix]) => (prefix === undefined ? address : `${address}/${prefix}`));
const addressLike = fc.oneof(
  ipv4,
  ipv4.map((a) => `::ffff:${a}`),
  fc.constantFrom('010.0.0.1', '1.2.3', '1.2.3.4.5', '256.1.1.1', '', 'x', '2001:db8::1', '1.2.3.4 '),
);

describe('compileCidrMatcher', () => {
  it('reads IPv4 addresses exactly as net.isIP does', () => {
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.string({ maxLength: 16 })), (text) => {
        expect(ipv4Value(text) >= 0).toBe(isIP(text) === 4);
      }),
    );
    expect(ipv4Value('255.255.255.255')).toBe(0xffffffff);
    expect(ipv4Value('10.0.0.1')).toBe(0x0a000001);
  });

  it('answers like BlockList for IPv4 networks (unaligned bases, /0 and /32 included)', () => {
    fc.assert(
      fc.property(
        fc.array(ipv4Network, { minLength: 1, maxLength: 4 }),
        fc.array(addressLike),
        (nets, addresses) => {
          const fast = compileCidrMatcher(nets);
          const slow = reference(nets);
          for (const address of addresses) expect(fast(address)).toBe(slow(address));
        },
      ),
    );
  });

  it('answers like BlockList when IPv6 networks are mixed in', () => {
    // Prefixes <= 96 take the fast path for IPv4 addresses; longer ones keep BlockList.
    const short = ['fc00::/7', '2001:db8::/32', '::/0', '::/80', '::/81', '::/96', '::ffff:0:0/96'];
    const long = [
      '::1/128',
      '::ffff:192.168.0.0/112',
      '::ffff:10.0.0.0/104',
      '::ffff:0:0/97',
      '::ffff:ffff:0/112',
      '::fffe:10.0.0.0/104',
      '0:0:0:0:0:ffff:a00:1/128',
      '::ffff:0.0.0.0/128',
    ];
    const cases: readonly (readonly [readonly string[], string])[] = [
      [['10.0.0.0/8', '::/80'], '11.0.0.1'],
      [['10.0.0.0/8', '::/81'], '11.0.0.1'],
      [['10.0.0.0/8', '::ffff:0:0/96'], '11.0.0.1'],
      [['10.0.0.0/8', '::ffff:11.0.0.0/104'], '11.0.0.1'],
      [['10.0.0.0/8', 'fc00::/7'], '10.0.0.1'],
      [['10.0.0.0/8', 'fc00::/7'], 'fc00::1'],
      [['10.0.0.0/8', '::1/128'], '11.0.0.1'],
      [['::ffff:10.0.0.1/128'], '10.0.0.1'],
      [['::ffff:10.0.0.1/128'], '10.0.0.2'],
      [['::ffff:0:0/97'], '127.255.255.255'],
      [['::ffff:0:0/97'], '128.0.0.0'],
    ];
    for (const [nets, address] of cases) {
      expect(compileCidrMatcher(nets)(address)).toBe(reference(nets)(address));
    }
    const ipv6Network = fc.oneof(fc.constantFrom(...short), fc.constantFrom(...short, ...long));
    const ipv6Address = fc.constantFrom('::1', 'fc00::5', '2001:db8::1', '::a01:203');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ipv4Network, ipv6Network), { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(addressLike, ipv6Address), { minLength: 1 }),
        (nets, addresses) => {
          const fast = compileCidrMatcher(nets);
          const slow = reference(nets);
          for (const address of addresses) expect(fast(address)).toBe(slow(address));
        },
      ),
    );
  });
});
