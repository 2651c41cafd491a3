/**
 * Whole-corpus checks: loghub OpenSSH_2k (every line parses; each loghub template maps to the
 * expected Vigil action/outcome, with the attacker's address kept), the Beats module samples, and
 * Zeek's btest baselines in TSV form (the same mapper as Zeek JSON).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventSchema, type VigilEvent } from '@vigil/schema';
import { createLineParser } from '../line/create-line-parser.js';
import { fixture } from './fixture-path.js';

/** loghub OpenSSH template id → [event.action, event.outcome, source address expected]. */
const TEMPLATES: Readonly<Record<string, readonly [string | undefined, string | undefined, boolean]>> = {
  E1: ['ssh_login', 'success', true],
  E2: ['ssh_disconnect', 'failure', true],
  E3: ['ssh_no_identification', 'failure', true],
  E4: ['ssh_max_auth_attempts', 'failure', false],
  E5: ['ssh_max_auth_attempts', 'failure', false],
  E6: ['ssh_disconnect', 'failure', true],
  E7: ['ssh_disconnect', 'failure', true],
  E8: ['ssh_login', 'failure', true],
  E9: ['ssh_login', 'failure', true],
  E10: ['ssh_login', 'failure', true],
  E11: [undefined, undefined, false],
  E12: ['ssh_invalid_user', 'failure', false],
  E13: ['ssh_login', 'failure', true],
  E14: ['ssh_login', 'failure', true],
  E15: ['authentication_failure', 'failure', true],
  E16: ['authentication_failure', 'failure', true],
  E17: ['authentication_failure', 'failure', true],
  E18: ['pam_max_retries', 'failure', false],
  E19: ['authentication_failure', 'failure', true],
  E20: ['authentication_failure', 'failure', true],
  E21: ['authentication_failure', 'failure', false],
  E22: ['logged-off', 'success', false],
  E23: ['logged-on', 'success', false],
  E24: ['ssh_disconnect', 'failure', true],
  E25: ['ssh_disconnect', 'failure', true],
  E26: ['ssh_disconnect', undefined, true],
  E27: ['ssh_reverse_dns_mismatch', undefined, true],
};

function lines(...parts: string[]): string[] {
  return readFileSync(fixture(...parts), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

describe('loghub OpenSSH_2k', () => {
  it('parses every line and maps every template to the expected action, outcome and source', () => {
    const raw = lines('loghub', 'OpenSSH', 'OpenSSH_2k.log');
    const templates = lines('loghub', 'OpenSSH', 'OpenSSH_2k.log_structured.csv')
      .slice(1)
      .map((l) => /,(E\d+),[^,]*$/.exec(l)?.[1] ?? /,(E\d+),/.exec(l)?.[1] ?? '');
    expect(raw).toHaveLength(2000);
    expect(templates).toHaveLength(2000);
    const parser = createLineParser({ year: 2024, timezone: 'UTC' });
    let events = 0;
    let repeated = 0;
    const wrong: string[] = [];
    raw.forEach((line, i) => {
      const outcome = parser.parse(line);
      expect(outcome.ok, line).toBe(true);
      if (!outcome.ok) return;
      const id = templates[i] as string;
      const want = TEMPLATES[id];
      expect(want, id).toBeDefined();
      if (want === undefined) return;
      for (const ev of outcome.events) {
        events++;
        if (ev.vigil.repeat !== undefined) repeated++;
        expect(eventSchema.safeParse(ev).success).toBe(true);
        if (
          ev.event.action !== want[0] ||
          ev.event.outcome !== want[1] ||
          (want[2] && ev.source?.address === undefined)
        ) {
          wrong.push(`${id} ${ev.event.action ?? '-'}/${ev.event.outcome ?? '-'} ${line}`);
        }
      }
    });
    expect(wrong).toEqual([]);
    // `message repeated N times: [ … ]` expands: N attempts count as N events.
    expect(repeated).toBeGreaterThan(0);
    expect(events).toBe(2000 - repeated / 5 + repeated);
  });
});

describe('Beats module samples', () => {
  it('parses system auth, iptables, nginx and Zeek samples into the expected datasets', () => {
    const expectations: [string[], string][] = [
      [['beats-tests', 'system-auth', 'test.log'], 'system.auth'],
      [['beats-tests', 'iptables', 'iptables.log'], 'iptables.log'],
      [['beats-tests', 'nginx-access', 'test.log'], 'nginx.access'],
      [['beats-tests', 'zeek-connection', 'conn.log'], 'zeek.connection'],
    ];
    for (const [file, dataset] of expectations) {
      const parser = createLineParser({ now: Date.parse('2026-12-31T00:00:00Z') });
      for (const line of lines(...file)) {
        const outcome = parser.parse(line);
        expect(outcome.ok, line).toBe(true);
        if (!outcome.ok) continue;
        const ev = outcome.events[0] as VigilEvent;
        expect(ev.event.dataset, line).toBe(dataset);
        expect(eventSchema.safeParse(ev).success).toBe(true);
        if (dataset !== 'system.auth') expect(ev.source?.address, line).toBeDefined();
      }
    }
  });

  it('picks the first public address of a proxy chain as the client, like Elastic', () => {
    const parser = createLineParser();
    const out = parser.parse(lines('beats-tests', 'nginx-access', 'test.log')[2] as string);
    expect(out.ok && out.events[0]?.source?.ip).toBe('85.181.35.98');
  });
});

describe('Zeek btest baselines (TSV)', () => {
  it('reads conn.log and ssh.log through their headers and maps every record', () => {
    const uids: Record<string, Set<string>> = { conn: new Set(), ssh: new Set() };
    for (const name of ['conn', 'ssh'] as const) {
      const parser = createLineParser({ now: Date.parse('2026-12-31T00:00:00Z') });
      let records = 0;
      for (const line of lines('zeek-btest', `${name}.log`)) {
        const outcome = parser.parse(line);
        if (line.startsWith('### BTest')) {
          // btest's own banner, not part of Zeek's format: the one line that truly is garbage.
          expect(outcome).toMatchObject({ ok: false, code: 'not_a_log_line' });
          continue;
        }
        expect(outcome.ok, line).toBe(true);
        if (!outcome.ok || outcome.events.length === 0) continue;
        const ev = outcome.events[0] as VigilEvent;
        records++;
        expect(eventSchema.safeParse(ev).success).toBe(true);
        expect(ev.event.dataset).toBe(name === 'conn' ? 'zeek.connection' : 'zeek.ssh');
        expect(ev.source?.ip).toMatch(/^\d/);
        expect(ev.destination?.port).toBeTypeOf('number');
        // conn.log baselines mask timestamps (XXXXXXXXXX.XXXXXX): those fall back to "now", flagged.
        if (name === 'conn') expect(ev.vigil.timestamp_fallback).toBe(true);
        uids[name]?.add((ev as unknown as { zeek: { session_id: string } }).zeek.session_id);
      }
      expect(records).toBeGreaterThan(20);
    }
    // The two baselines describe the same sessions.
    expect([...(uids.ssh ?? [])].every((u) => uids.conn?.has(u))).toBe(true);
  });

  it('maps a TSV record and the equivalent JSON record to the same event', () => {
    const tsv = createLineParser();
    const head = lines('zeek-btest', 'ssh.log').filter((l) => l.startsWith('#'));
    for (const h of head) tsv.parse(h);
    const data = lines('zeek-btest', 'ssh.log').find((l) => !l.startsWith('#')) as string;
    const fromTsv = tsv.parse(data);
    const fields = (head.find((h) => h.startsWith('#fields')) as string).split('\t').slice(1);
    const types = (head.find((h) => h.startsWith('#types')) as string).split('\t').slice(1);
    const rec: Record<string, unknown> = {};
    data.split('\t').forEach((v, i) => {
      if (v === '-') return;
      const t = types[i] as string;
      rec[fields[i] as string] =
        t === 'bool' ? v === 'T' : ['time', 'port', 'count'].includes(t) ? Number(v) : v;
    });
    const fromJson = createLineParser().parse(JSON.stringify(rec));
    expect(fromTsv.ok && fromJson.ok).toBe(true);
    if (!fromTsv.ok || !fromJson.ok) return;
    const strip = (e: VigilEvent): unknown => ({ ...e, event: { ...e.event, id: '', original: '' } });
    expect(strip(fromJson.events[0] as VigilEvent)).toEqual(strip(fromTsv.events[0] as VigilEvent));
  });
});
