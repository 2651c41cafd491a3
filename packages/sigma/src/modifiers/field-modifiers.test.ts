import { describe, expect, it } from 'vitest';
import { compileOne, compileTexts, makeEvent, matcherOf, ruleWith } from '../test-support/rule-fixtures.js';

const firewall = 'category: firewall';
const from = (ip: string) => makeEvent({ source: { ip } });
const rule = (items: string, logsource = firewall) =>
  matcherOf(compileOne(ruleWith(`    selection:\n        ${items}\n    condition: selection`, logsource)));

describe('cidr', () => {
  it('matches IPv4 networks', () => {
    const match = rule(`src_ip|cidr:\n            - 10.0.0.0/8\n            - 192.168.1.0/24`);
    expect(match(from('10.200.3.4'))).toBe(true);
    expect(match(from('192.168.1.77'))).toBe(true);
    expect(match(from('192.168.2.1'))).toBe(false);
    expect(match(from('not-an-ip'))).toBe(false);
    expect(match(makeEvent({}))).toBe(false);
  });

  it('matches IPv6 networks, and IPv4-mapped IPv6 addresses against IPv4 networks', () => {
    const v6 = rule(`src_ip|cidr: '2001:db8::/32'`);
    expect(v6(from('2001:db8:1::5'))).toBe(true);
    expect(v6(from('2001:db9::1'))).toBe(false);
    expect(v6(from('10.0.0.1'))).toBe(false);
    const v4 = rule(`src_ip|cidr: 10.0.0.0/8`);
    expect(v4(from('::ffff:10.1.2.3'))).toBe(true);
  });

  it('treats a bare address as a /32 or /128', () => {
    const match = rule(`src_ip|cidr: 203.0.113.9`);
    expect(match(from('203.0.113.9'))).toBe(true);
    expect(match(from('203.0.113.10'))).toBe(false);
  });

  it('rejects invalid networks with their line', () => {
    const result = compileTexts(
      ruleWith(
        `    selection:\n        src_ip|cidr:\n            - 10.0.0.0/8\n            - 10.0.0.0/33\n    condition: selection`,
        firewall,
      ),
    );
    expect(result.errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['invalid_cidr', 8, `'10.0.0.0/33' is not an IPv4 or IPv6 CIDR network`],
    ]);
  });
});

describe('exists', () => {
  it('checks presence only, whatever the value', () => {
    const present = rule(`user.name|exists: true`, 'product: linux');
    expect(present(makeEvent({ user: { name: '' } }))).toBe(true);
    expect(present(makeEvent({ user: { name: null } } as never))).toBe(true);
    expect(present(makeEvent({}))).toBe(false);
    const absent = rule(`user.name|exists: false`, 'product: linux');
    expect(absent(makeEvent({}))).toBe(true);
    expect(absent(makeEvent({ user: { name: 'x' } }))).toBe(false);
  });

  it('needs a boolean', () => {
    const result = compileTexts(
      ruleWith(`    selection:\n        user.name|exists: 'yes'\n    condition: selection`, 'product: linux'),
    );
    expect(result.errors[0]?.message).toBe(`modifier 'exists' cannot apply to string 'yes' (expects bool)`);
  });
});

describe('fieldref', () => {
  it('compares two fields of the same event, case-insensitively', () => {
    const match = rule(`user.name|fieldref: user.target.name`, 'product: linux');
    expect(match(makeEvent({ user: { name: 'Root', target: { name: 'root' } } }))).toBe(true);
    expect(match(makeEvent({ user: { name: 'bob', target: { name: 'root' } } }))).toBe(false);
    expect(match(makeEvent({ user: { name: 'bob' } }))).toBe(false);
  });

  it('maps the referenced Sigma field and combines with contains and cased', () => {
    const match = rule(`message|fieldref|contains: User`, 'product: linux');
    expect(match(makeEvent({ message: 'sudo: bob : TTY=pts/0', user: { name: 'BOB' } }))).toBe(true);
    const cased = rule(`message|fieldref|contains|cased: User`, 'product: linux');
    expect(cased(makeEvent({ message: 'sudo: bob : TTY=pts/0', user: { name: 'BOB' } }))).toBe(false);
  });

  it('rejects unknown referenced fields', () => {
    const result = compileTexts(
      ruleWith(
        `    selection:\n        user.name|fieldref: NoSuchField\n    condition: selection`,
        'product: linux',
      ),
    );
    expect(result.errors[0]?.code).toBe('unsupported_field');
  });
});

describe('expand (placeholders from lists)', () => {
  const lists = { allowed_networks: ['10.0.0.0/8', 'fd00::/8'], admins: ['root', 'adm_*'] };

  it('replaces %name% with the list values, as Sigma strings, before other modifiers', () => {
    const networks = matcherOf(
      compileOne(
        ruleWith(
          `    allowed:\n        src_ip|expand|cidr: '%allowed_networks%'\n    condition: not allowed`,
          firewall,
        ),
        lists,
      ),
    );
    expect(networks(from('10.9.9.9'))).toBe(false);
    expect(networks(from('fd12::1'))).toBe(false);
    expect(networks(from('8.8.8.8'))).toBe(true);
    const admins = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        user.name|expand: '%admins%'\n    condition: selection`,
          'product: linux',
        ),
        lists,
      ),
    );
    expect(admins(makeEvent({ user: { name: 'adm_alice' } }))).toBe(true);
    expect(admins(makeEvent({ user: { name: 'alice' } }))).toBe(false);
  });

  it('combines placeholders with text, and keeps \\% as a plain percent', () => {
    const match = matcherOf(
      compileOne(
        ruleWith(
          `    selection:\n        message|expand: '\\%x %admins% logged in'\n    condition: selection`,
          'product: linux',
        ),
        lists,
      ),
    );
    expect(match(makeEvent({ message: '%x root logged in' }))).toBe(true);
    expect(match(makeEvent({ message: '%x adm_bob logged in' }))).toBe(true);
    expect(match(makeEvent({ message: 'x root logged in' }))).toBe(false);
  });

  it('leaves %name% literal without expand, and rejects unknown placeholders', () => {
    const literal = matcherOf(
      compileOne(
        ruleWith(`    selection:\n        message: '%admins%'\n    condition: selection`, 'product: linux'),
        lists,
      ),
    );
    expect(literal(makeEvent({ message: '%admins%' }))).toBe(true);
    const result = compileTexts(
      ruleWith(
        `    selection:\n        message|expand: '%nope%'\n    condition: selection`,
        'product: linux',
      ),
      lists,
    );
    expect(result.errors.map((error) => [error.code, error.line, error.message])).toEqual([
      ['unknown_placeholder', 8, 'placeholder %nope% is not defined by any list'],
    ]);
  });
});
