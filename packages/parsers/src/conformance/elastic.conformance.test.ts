/**
 * Conformance with Elastic's integration pipeline tests: every raw line of the fixture files is
 * parsed and compared, field by field, with Elastic's expected document. Prints a table; each
 * claimed field must agree on >= 99% of the values Elastic sets (deliberate differences are
 * listed in elastic-exclusions.ts and the README).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventSchema } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { AgreementTable, getPath } from './field-compare.js';
import { ELASTIC_EXCLUSIONS } from './elastic-exclusions.js';
import { fixture } from './fixture-path.js';

interface Suite {
  readonly name: string;
  readonly files: readonly string[];
  readonly fields: readonly string[];
  /** Elastic's multiline rule for the suite, if any: lines not matching it continue the previous event. */
  readonly firstLine?: RegExp;
}

const AUTH_FIELDS = [
  '@timestamp',
  'event.category',
  'event.type',
  'event.action',
  'event.outcome',
  'event.kind',
  'source.ip',
  'source.address',
  'source.domain',
  'source.port',
  'user.name',
  'user.id',
  'user.effective.name',
  'user.effective.id',
  'user.target.name',
  'group.name',
  'group.id',
  'process.name',
  'process.pid',
  'host.hostname',
  'message',
  'log.syslog.priority',
  'system.auth.ssh.event',
  'system.auth.ssh.method',
  'system.auth.ssh.signature',
  'system.auth.ssh.dropped_ip',
  'system.auth.sudo.command',
  'system.auth.sudo.pwd',
  'system.auth.sudo.tty',
  'system.auth.sudo.user',
  'system.auth.sudo.error',
  'system.auth.useradd.home',
  'system.auth.useradd.shell',
  'related.user',
  'related.ip',
  'related.hosts',
];
const IPTABLES_FIELDS = [
  '@timestamp',
  'event.category',
  'event.type',
  'event.action',
  'event.kind',
  'source.ip',
  'source.port',
  'source.mac',
  'destination.ip',
  'destination.port',
  'destination.mac',
  'network.transport',
  'network.type',
  'network.iana_number',
  'network.community_id',
  'rule.name',
  'rule.id',
  'observer.name',
  'observer.ingress.zone',
  'observer.egress.zone',
  'related.ip',
  'log.syslog.priority',
  'iptables.input_device',
  'iptables.output_device',
  'iptables.length',
  'iptables.ttl',
  'iptables.id',
  'iptables.tos',
  'iptables.precedence_bits',
  'iptables.fragment_flags',
  'iptables.tcp.flags',
  'iptables.tcp.window',
  'iptables.tcp.reserved_bits',
  'iptables.udp.length',
  'iptables.icmp.type',
  'iptables.icmp.code',
  'iptables.icmp.id',
  'iptables.icmp.seq',
  'iptables.flow_label',
  'iptables.ether_type',
];
const NGINX_FIELDS = [
  '@timestamp',
  'event.category',
  'event.type',
  'event.outcome',
  'event.kind',
  'source.ip',
  'source.address',
  'user.name',
  'http.request.method',
  'http.version',
  'http.request.referrer',
  'http.response.status_code',
  'http.response.body.bytes',
  'url.original',
  'url.path',
  'url.extension',
  'url.query',
  'user_agent.original',
  'nginx.access.remote_ip_list',
  'related.ip',
];
const ZEEK_FIELDS = [
  '@timestamp',
  'event.category',
  'event.type',
  'event.kind',
  'event.duration',
  'source.ip',
  'source.address',
  'source.port',
  'source.bytes',
  'source.packets',
  'destination.ip',
  'destination.address',
  'destination.port',
  'destination.bytes',
  'destination.packets',
  'network.transport',
  'network.protocol',
  'network.direction',
  'network.bytes',
  'network.packets',
  'network.community_id',
  'zeek.session_id',
  'zeek.connection.state',
  'zeek.connection.state_message',
  'zeek.connection.history',
  'zeek.connection.local_orig',
  'zeek.connection.local_resp',
  'zeek.connection.missed_bytes',
  'zeek.connection.icmp.type',
  'zeek.connection.icmp.code',
  'related.ip',
];

const SUITES: readonly Suite[] = [
  {
    name: 'system/auth',
    files: [
      'test-auth.log',
      'test-5424.log',
      'test-gpasswd.log',
      'test-groupdel.log',
      'test-pam-faillock.log',
      'test-sudo-no-tty.log',
      'test-unix-chkpwd.log',
      'test-userdel.log',
      'test-usermod-group.log',
    ].map((f) => `system/auth/${f}`),
    fields: AUTH_FIELDS,
  },
  { name: 'iptables/log', files: ['iptables/log/test-iptables-raw.log'], fields: IPTABLES_FIELDS },
  {
    name: 'nginx/access',
    files: ['nginx/access/test-access.log'],
    fields: NGINX_FIELDS,
    firstLine: /^(?:[0-9]{1,3}\.){3}[0-9]{1,3}/,
  },
  { name: 'zeek/connection', files: ['zeek/connection/test-conn.log'], fields: ZEEK_FIELDS },
];

/** Lines carrying no year (RFC 3164): their @timestamp is compared without the year. */
const YEARLESS = /^(?:<\d{1,3}>)?[A-Z][a-z]{2} [ \d]\d /;

function groupLines(text: string, firstLine: RegExp | undefined): string[] {
  const lines = text.split('\n').filter((l) => l !== '');
  if (firstLine === undefined) return lines;
  const groups: string[] = [];
  for (const l of lines) {
    if (groups.length > 0 && !firstLine.test(l)) continue; // continuation: Elastic joins it; Vigil parses it separately
    groups.push(l);
  }
  return groups;
}

describe('Elastic integrations pipeline conformance', () => {
  for (const suite of SUITES) {
    it(`${suite.name}: claimed fields agree with Elastic's expected documents`, () => {
      const table = new AgreementTable(ELASTIC_EXCLUSIONS);
      let docs = 0;
      for (const file of suite.files) {
        const raw = readFileSync(fixture('elastic-integrations', file), 'utf8');
        const expected = (
          JSON.parse(readFileSync(fixture('elastic-integrations', `${file}-expected.json`), 'utf8')) as {
            expected: Record<string, unknown>[];
          }
        ).expected;
        const lines = groupLines(raw, suite.firstLine);
        expect(lines.length).toBe(expected.length);
        const parser = createLineParser({ timezone: 'UTC', now: Date.parse('2026-12-31T00:00:00Z') });
        lines.forEach((line, i) => {
          const outcome = parser.parse(line);
          expect(outcome.ok, `${file}:${i + 1} ${line}`).toBe(true);
          if (!outcome.ok) return;
          expect(outcome.events).toHaveLength(1);
          const ev = outcome.events[0];
          expect(eventSchema.safeParse(ev).success).toBe(true);
          const doc = expected[i] as Record<string, unknown>;
          docs++;
          for (const field of suite.fields) {
            let want = getPath(doc, field);
            let got = getPath(ev, field);
            if (
              field === '@timestamp' &&
              YEARLESS.test(line) &&
              typeof want === 'string' &&
              typeof got === 'string'
            ) {
              want = want.slice(5);
              got = got.slice(5);
            }
            table.compare(`${file}:${i + 1}`, field, want, got, doc);
          }
        });
      }
      console.log(`${table.markdown(`Elastic ${suite.name} (${docs} documents)`)}\n`);
      const mismatches = [...table.fields.values()].flatMap((t) => t.mismatches);
      if (mismatches.length > 0) console.log(mismatches.join('\n'));
      for (const field of suite.fields) expect(table.ratio(field), field).toBeGreaterThanOrEqual(0.99);
    });
  }
});
