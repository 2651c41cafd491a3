import { describe, expect, it } from 'vitest';
import { field, parseOne } from '../testing/parse-one.js';

const H = 'Mar  4 13:34:59 bastion sshd[5396]: ';

/** message → [action, outcome, user.name, source.ip or address, source.port] */
const CASES: readonly [
  string,
  string | undefined,
  string | undefined,
  string | undefined,
  string | undefined,
  number | undefined,
][] = [
  [
    'Accepted password for alice from 203.0.113.9 port 52214 ssh2',
    'ssh_login',
    'success',
    'alice',
    '203.0.113.9',
    52214,
  ],
  [
    'Accepted publickey for bob from 2001:db8::7 port 22 ssh2: ED25519 SHA256:abc',
    'ssh_login',
    'success',
    'bob',
    '2001:db8::7',
    22,
  ],
  ['Failed password for root from 203.0.113.9 port 1 ssh2', 'ssh_login', 'failure', 'root', '203.0.113.9', 1],
  [
    'Failed password for invalid user admin from 203.0.113.9 port 2 ssh2',
    'ssh_login',
    'failure',
    'admin',
    '203.0.113.9',
    2,
  ],
  [
    'Failed password for illegal user admin from 203.0.113.9 port 3 ssh2',
    'ssh_login',
    'failure',
    'admin',
    '203.0.113.9',
    3,
  ],
  [
    'Failed keyboard-interactive/pam for invalid user x from 203.0.113.9 port 4 ssh2',
    'ssh_login',
    'failure',
    'x',
    '203.0.113.9',
    4,
  ],
  [
    'Failed none for invalid user y from 203.0.113.9 port 5 ssh2',
    'ssh_login',
    'failure',
    'y',
    '203.0.113.9',
    5,
  ],
  [
    'Failed publickey for z from 203.0.113.9 port 6 ssh2: RSA SHA256:q',
    'ssh_login',
    'failure',
    'z',
    '203.0.113.9',
    6,
  ],
  ['Invalid user oracle from 203.0.113.9 port 7', 'ssh_login', 'failure', 'oracle', '203.0.113.9', 7],
  ['Illegal user test from 203.0.113.9', 'ssh_login', 'failure', 'test', '203.0.113.9', undefined],
  [
    'Did not receive identification string from 203.0.113.9 port 8',
    'ssh_no_identification',
    'failure',
    undefined,
    '203.0.113.9',
    8,
  ],
  [
    'error: maximum authentication attempts exceeded for invalid user u from 203.0.113.9 port 9 ssh2 [preauth]',
    'ssh_max_auth_attempts',
    'failure',
    'u',
    '203.0.113.9',
    9,
  ],
  [
    'Disconnecting: Too many authentication failures for root [preauth]',
    'ssh_max_auth_attempts',
    'failure',
    'root',
    undefined,
    undefined,
  ],
  [
    'error: PAM: Authentication failure for root from 203.0.113.9',
    'authentication_failure',
    'failure',
    'root',
    '203.0.113.9',
    undefined,
  ],
  [
    'error: PAM: User not known to the underlying authentication module for illegal user t from h.example.com',
    'authentication_failure',
    'failure',
    't',
    'h.example.com',
    undefined,
  ],
  [
    'Connection closed by authenticating user root 203.0.113.9 port 10 [preauth]',
    'ssh_disconnect',
    'failure',
    'root',
    '203.0.113.9',
    10,
  ],
  [
    'Connection closed by 203.0.113.9 port 11 [preauth]',
    'ssh_disconnect',
    'failure',
    undefined,
    '203.0.113.9',
    11,
  ],
  [
    'Disconnected from user alice 203.0.113.9 port 12',
    'ssh_disconnect',
    undefined,
    'alice',
    '203.0.113.9',
    12,
  ],
  [
    'Received disconnect from 203.0.113.9 port 13:11: Bye Bye [preauth]',
    'ssh_disconnect',
    'failure',
    undefined,
    '203.0.113.9',
    13,
  ],
  [
    'reverse mapping checking getaddrinfo for bad.example [203.0.113.9] failed - POSSIBLE BREAK-IN ATTEMPT!',
    'ssh_reverse_dns_mismatch',
    undefined,
    undefined,
    '203.0.113.9',
    undefined,
  ],
  [
    'Unable to negotiate with 203.0.113.9 port 14: no matching key exchange method found. Their offer: x [preauth]',
    'ssh_negotiation_failed',
    'failure',
    undefined,
    '203.0.113.9',
    14,
  ],
  [
    'User root from 203.0.113.9 not allowed because not listed in AllowUsers',
    'ssh_login',
    'failure',
    'root',
    '203.0.113.9',
    undefined,
  ],
  [
    'fatal: Timeout before authentication for 203.0.113.9 port 15',
    'ssh_auth_timeout',
    'failure',
    undefined,
    '203.0.113.9',
    15,
  ],
  [
    "Bad protocol version identification 'GET / HTTP/1.1' from 203.0.113.9 port 16",
    'ssh_bad_protocol',
    'failure',
    undefined,
    '203.0.113.9',
    16,
  ],
  [
    'refused connect from scanner.example (203.0.113.9)',
    'ssh_connection_refused',
    'failure',
    undefined,
    '203.0.113.9',
    undefined,
  ],
];

describe('sshd messages', () => {
  for (const [msg, action, outcome, user, source, port] of CASES) {
    it(msg.slice(0, 60), () => {
      const ev = parseOne(H + msg, { year: 2024 });
      expect(ev.event.dataset).toBe('system.auth');
      expect(ev.vigil.parser).toBe('sshd');
      expect(ev.event.action).toBe(action);
      expect(ev.event.outcome).toBe(outcome);
      expect(ev.user?.name).toBe(user);
      expect(ev.source?.ip ?? ev.source?.address).toBe(source);
      expect(ev.source?.port).toBe(port);
    });
  }

  it('follows Elastic for accepted logins: method, signature, category, related', () => {
    const ev = parseOne(`${H}Accepted publickey for moe from 10.1.2.3 port 43134 ssh2: ED25519 SHA256:B9ur`, {
      year: 2024,
    });
    expect(field(ev, 'system.auth.ssh')).toEqual({
      event: 'Accepted',
      method: 'publickey',
      signature: 'ED25519 SHA256:B9ur',
    });
    expect(ev.event.category).toEqual(['authentication', 'session']);
    expect(ev.related).toEqual({ ip: ['10.1.2.3'], user: ['moe'], hosts: ['bastion'] });
  });

  it('keeps the real source when an attacker puts " from <ip>" in the user name', () => {
    const ev = parseOne(`${H}Invalid user x from 1.1.1.1 from 203.0.113.66 port 22`, { year: 2024 });
    expect(ev.source?.ip).toBe('203.0.113.66');
    expect(ev.user?.name).toBe('x from 1.1.1.1');
  });

  it('sets source.domain (not ip) for host names, and source.address always', () => {
    const ev = parseOne(`${H}Failed password for root from scanner.example.net port 22 ssh2`, { year: 2024 });
    expect(ev.source).toEqual({ address: 'scanner.example.net', domain: 'scanner.example.net', port: 22 });
  });

  it('reads sshd-session (OpenSSH 9.8+) like sshd', () => {
    expect(
      parseOne('Feb 12 14:10:24 h sshd-session[16379]: Invalid user p from 192.0.2.3 port 53502', {
        year: 2024,
      }).event.action,
    ).toBe('ssh_login');
  });
});
