/**
 * Wazuh ruleset test cases: every `pass` log line of the sshd, sudo, su, pam, iptables, firewalld,
 * nginx, apache, web and WAF test files must parse into an event carrying what its rule needs:
 * an authentication outcome for authentication_* / invalid_login rules, the source address for
 * rules keyed on `same_source_ip` or lines naming `from <ip>`, the 5-tuple for firewall rules and
 * the request fields for web rules. Lines Vigil does not cover are listed in KNOWN_GAPS (and the
 * README) with the reason; the test fails if a listed gap starts passing, so the list stays true.
 */
import { describe, expect, it } from 'vitest';
import { eventSchema, type VigilEvent } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { fixture } from './fixture-path.js';
import { effectiveGroups, needsSourceIp, readCases, readRules } from './wazuh-ruleset.js';

const FILES = [
  'sshd.ini',
  'sudo.ini',
  'su.ini',
  'pam.ini',
  'iptables.ini',
  'firewalld.ini',
  'nginx.ini',
  'apache.ini',
  'web_rules.ini',
  'web_appsec.ini',
  'modsecurity.ini',
];

/** `<file>#<section>` → why Vigil does not give the rule what it needs. */
export const KNOWN_GAPS: Readonly<Record<string, string>> = {};

const WEB_FILES = new Set(['nginx.ini', 'apache.ini', 'web_rules.ini', 'web_appsec.ini', 'modsecurity.ini']);
const FAILED_GROUPS = ['authentication_failed', 'authentication_failures', 'invalid_login'];
const IPV4_FROM = /\bfrom (\d{1,3}(?:\.\d{1,3}){3})\b/;

function problems(
  ev: VigilEvent,
  log: string,
  groups: Set<string>,
  needSource: boolean,
  file: string,
): string[] {
  const out: string[] = [];
  const cat = ev.event.category;
  if (
    FAILED_GROUPS.some((g) => groups.has(g)) &&
    !(ev.event.outcome === 'failure' && cat.includes('authentication'))
  ) {
    out.push(`authentication failure expected, got ${ev.event.action ?? '-'}/${ev.event.outcome ?? '-'}`);
  }
  if (
    groups.has('authentication_success') &&
    !(ev.event.outcome === 'success' && (cat.includes('authentication') || cat.includes('session')))
  ) {
    out.push(`authentication success expected, got ${ev.event.action ?? '-'}/${ev.event.outcome ?? '-'}`);
  }
  const from = IPV4_FROM.exec(log.slice(log.indexOf(': ') + 1));
  if (from !== null && ev.source?.ip !== from[1])
    out.push(`source.ip ${from[1] ?? ''} expected, got ${ev.source?.ip ?? '-'}`);
  if (needSource && ev.source?.address === undefined) out.push('source.address expected (same_source_ip)');
  if (
    file === 'iptables.ini' &&
    (ev.source?.ip === undefined || ev.destination?.ip === undefined || ev.network?.transport === undefined)
  ) {
    out.push('firewall 5-tuple expected');
  }
  if (WEB_FILES.has(file) && !/^(nginx|apache|iis)\./.test(ev.event.dataset))
    out.push(`web dataset expected, got ${ev.event.dataset}`);
  const isAccess = / \[\d{1,2}\/\w{3}\/\d{4}:/.test(log) || ev.event.dataset.endsWith('.access');
  if (
    isAccess &&
    (ev.http?.response?.status_code === undefined ||
      ev.url?.original === undefined ||
      ev.source?.address === undefined)
  ) {
    out.push('access-log source/url/status expected');
  }
  return out;
}

describe('Wazuh ruleset test cases', () => {
  const rules = readRules(fixture('wazuh', 'rules'));
  const cases = readCases(fixture('wazuh', 'tests'), FILES);

  it('reads the fixture cases', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it('gives every pass line the fields its rule needs (except the documented gaps)', () => {
    const parser = createLineParser({ now: Date.parse('2026-12-31T00:00:00Z') });
    const failing = new Map<string, string[]>();
    let checked = 0;
    for (const c of cases) {
      const outcome = parser.parse(c.log);
      const key = `${c.file}#${c.section}`;
      if (!outcome.ok) {
        failing.set(key, [...(failing.get(key) ?? []), `dead-letter ${outcome.code}`]);
        continue;
      }
      const ev = outcome.events[0] as VigilEvent;
      expect(eventSchema.safeParse(ev).success).toBe(true);
      checked++;
      const p = problems(ev, c.log, effectiveGroups(rules, c.ruleId), needsSourceIp(rules, c.ruleId), c.file);
      if (p.length > 0)
        failing.set(key, [...(failing.get(key) ?? []), ...p.map((x) => `${x} | ${c.log.slice(0, 120)}`)]);
    }
    const unexpected = [...failing.entries()].filter(([k]) => KNOWN_GAPS[k] === undefined);
    const fixed = Object.keys(KNOWN_GAPS).filter((k) => !failing.has(k));
    console.log(
      `Wazuh: ${checked} pass lines checked, ${failing.size} sections with gaps (${Object.keys(KNOWN_GAPS).length} documented)`,
    );
    for (const [k, v] of unexpected) console.log(`UNEXPECTED ${k}: ${v.join('; ')}`);
    expect(unexpected.map(([k]) => k)).toEqual([]);
    expect(fixed).toEqual([]);
  });
});
