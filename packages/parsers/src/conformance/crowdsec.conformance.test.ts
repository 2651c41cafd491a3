/**
 * CrowdSec hub parser tests: every line of every test log must parse (no dead letter), and for
 * each line CrowdSec's own parser accepted (`s01-parse ... Success == true`), the meta fields it
 * asserts must agree with Vigil's event: source_ip, target_user, log_type (mapped to event.action /
 * outcome / dataset below), and for web logs the HTTP verb, path, status and virtual host.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VigilEvent } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { AgreementTable } from './field-compare.js';
import { fixture } from './fixture-path.js';

/** CrowdSec log_type → what the same line must be in Vigil. */
const LOG_TYPES: Readonly<Record<string, (ev: VigilEvent) => boolean>> = {
  'ssh_failed-auth': (ev) => ev.event.outcome === 'failure' && ev.event.category.includes('authentication'),
  auth_success: (ev) => ev.event.outcome === 'success' && ev.event.category.includes('authentication'),
  ssh_bad_keyexchange: (ev) => ev.event.action === 'ssh_negotiation_failed',
  ssh_auth_timeout: (ev) => ev.event.action === 'ssh_auth_timeout',
  ssh_dispatch_fatal: (ev) => ev.event.action === 'ssh_protocol_error',
  ssh_refused_conn: (ev) => ev.event.action === 'ssh_connection_refused',
  pam_failed_auth: (ev) => ev.event.action === 'authentication_failure' && ev.event.outcome === 'failure',
  pam_user_lock: (ev) => ev.event.action === 'account-locked',
  iptables_drop: (ev) => ev.event.dataset === 'iptables.log' && ev.source?.ip !== undefined,
  'http_access-log': (ev) => ev.event.dataset.endsWith('.access'),
  'http_error-log': (ev) => ev.event.dataset.endsWith('.error'),
  modsecurity: (ev) => (ev.event.action ?? '').startsWith('modsecurity'),
};

const META: Readonly<Record<string, (ev: VigilEvent) => unknown>> = {
  source_ip: (ev) => ev.source?.ip ?? ev.source?.address,
  target_user: (ev) => ev.user?.name,
  http_verb: (ev) => ev.http?.request?.method,
  http_path: (ev) => ev.url?.original,
  http_status: (ev) =>
    ev.http?.response?.status_code === undefined ? undefined : String(ev.http.response.status_code),
  target_fqdn: (ev) => ev.destination?.domain ?? ev.url?.domain,
  rule_id: (ev) => ev.rule?.id,
};

/** Formats Vigil parses only generically (no field claims): endlessh, the sshesame honeypot, auditd. */
const NOT_CLAIMED = /^(endlessh|sshesame|auditd)/;

const EXCLUSIONS = [
  {
    id: 'preauth-without-authentication',
    reason:
      'CrowdSec counts a preauth disconnect with no user ("Connection closed by <ip> port <n> [preauth]") and an obfuscated-handshake failure as failed authentications; Vigil records them as network failures (ssh_disconnect / ssh_bad_handshake, outcome failure) because no credentials were tried.',
    applies: (field: string, _e: unknown, _a: unknown, doc: unknown) =>
      field === 'log_type=ssh_failed-auth' &&
      /^(ssh_disconnect|ssh_bad_handshake)$/.test((doc as VigilEvent | undefined)?.event.action ?? '') &&
      (doc as VigilEvent | undefined)?.event.outcome === 'failure' &&
      (doc as VigilEvent | undefined)?.user?.name === undefined,
  },
  {
    id: 'absolute-request-uri',
    reason:
      'For a proxy-style request line ("POST https://example.com/x") CrowdSec\'s grok yields "//example.com/x"; Vigil keeps the request target as written in url.original (and sets url.domain).',
    applies: (field: string, expected: unknown, actual: unknown) =>
      field === 'http_path' &&
      typeof expected === 'string' &&
      typeof actual === 'string' &&
      actual.endsWith(expected) &&
      /^https?:$/.test(actual.slice(0, -expected.length)),
  },
];

interface Expectation {
  success: boolean;
  meta: Map<string, string>;
}

function readAsserts(file: string): Map<number, Expectation> {
  const out = new Map<number, Expectation>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^results\["s01-parse"\]\["[^"]+"\]\[(\d+)\]\.(Success|Evt\.Meta\["([^"]+)"\]) == (.*)$/.exec(
      line,
    );
    if (m === null) continue;
    const i = Number(m[1]);
    const e = out.get(i) ?? { success: false, meta: new Map<string, string>() };
    if (m[2] === 'Success') e.success = m[4] === 'true';
    else e.meta.set(m[3] as string, JSON.parse(m[4] as string) as string);
    out.set(i, e);
  }
  return out;
}

describe('CrowdSec hub tests', () => {
  const root = fixture('crowdsec-hub', 'tests');
  const dirs = readdirSync(root).filter((d) => existsSync(path.join(root, d, 'config.yaml')));

  it('parses every line of every test log without a dead letter', () => {
    let lines = 0;
    for (const dir of dirs) {
      const config = readFileSync(path.join(root, dir, 'config.yaml'), 'utf8');
      const logFile = /^log_file: (.+)$/m.exec(config)?.[1]?.trim();
      if (logFile === undefined) continue;
      const parser = createLineParser({ now: Date.parse('2026-12-31T00:00:00Z') });
      for (const line of readFileSync(path.join(root, dir, logFile), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        lines++;
        const outcome = parser.parse(line, { source: logFile });
        expect(outcome.ok, `${dir}: ${line}`).toBe(true);
      }
    }
    expect(lines).toBeGreaterThan(900);
  });

  it('agrees with the meta fields CrowdSec asserts', () => {
    const table = new AgreementTable(EXCLUSIONS);
    let checked = 0;
    for (const dir of dirs) {
      const assertFile = path.join(root, dir, 'parser.assert');
      if (!existsSync(assertFile)) continue;
      if (NOT_CLAIMED.test(dir)) continue;
      const asserts = readAsserts(assertFile);
      if (asserts.size === 0) continue;
      const config = readFileSync(path.join(root, dir, 'config.yaml'), 'utf8');
      const logFile = (/^log_file: (.+)$/m.exec(config)?.[1] ?? '').trim();
      const lines = readFileSync(path.join(root, dir, logFile), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const parser = createLineParser({ now: Date.parse('2026-12-31T00:00:00Z') });
      lines.forEach((line, i) => {
        const outcome = parser.parse(line, { source: logFile });
        const want = asserts.get(i);
        if (!outcome.ok || want === undefined || !want.success) return;
        const ev = outcome.events[0] as VigilEvent;
        checked++;
        for (const [key, value] of want.meta) {
          const label = `${dir}:${i + 1}`;
          if (key === 'log_type') {
            const predicate = LOG_TYPES[value];
            if (predicate !== undefined) table.compare(label, `log_type=${value}`, true, predicate(ev), ev);
          } else {
            const get = META[key];
            if (get !== undefined) table.compare(label, key, value, get(ev), undefined);
          }
        }
      });
    }
    console.log(`${table.markdown(`CrowdSec parser.assert (${checked} lines)`)}\n`);
    const mismatches = [...table.fields.values()].flatMap((t) => t.mismatches);
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(checked).toBeGreaterThan(100);
    for (const field of table.fields.keys()) expect(table.ratio(field), field).toBeGreaterThanOrEqual(0.99);
  });
});
