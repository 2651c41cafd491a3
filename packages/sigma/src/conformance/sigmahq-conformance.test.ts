import path from 'node:path';
import type { CompiledRule } from '@vigil/rule-engine';
import type { VigilEvent } from '@vigil/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadResult } from '../loader/compile-rule-sources.js';
import { loadRules } from '../loader/load-rules.js';
import { fixturesDir } from '../test-support/fixtures-dir.js';
import { makeEvent } from '../test-support/rule-fixtures.js';

const sigmaDir = fixturesDir('sigma');
let result: LoadResult;

beforeAll(async () => {
  result = await loadRules([sigmaDir]);
});

/** Why each file did not load: its first error, with the logsource or field it names. */
function reasons(load: LoadResult): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const error of load.errors) {
    if (byFile.has(error.file)) continue;
    const logsource = /for logsource (.*?) \(/.exec(error.message)?.[1] ?? '?';
    const field = /^field '([^']+)'/.exec(error.message)?.[1] ?? '?';
    const reason =
      error.code === 'unsupported_logsource'
        ? `unsupported_logsource: ${logsource}`
        : error.code === 'unsupported_field'
          ? `unsupported_field: ${field} (${logsource})`
          : `${error.code}: ${error.message}`;
    byFile.set(error.file, reason);
  }
  return byFile;
}

function table(counts: Map<string, number>): string {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [
    '| reason | files |',
    '|---|---|',
    ...rows.map(([reason, count]) => `| ${reason} | ${count} |`),
  ].join('\n');
}

const rule = (id: string): CompiledRule | undefined =>
  result.ruleSet.rules.find((candidate) => candidate.meta.id === id);
const matches = (id: string, event: VigilEvent): boolean => {
  const found = rule(id);
  if (found === undefined || !('match' in found)) throw new Error(`rule ${id} not loaded as a detection`);
  return found.match(event);
};

describe('SigmaHQ rules (shared/fixtures/sigma)', () => {
  it('loads every rule whose logsource Vigil ingests, and says why the others do not', () => {
    const failed = reasons(result);
    const loadedFiles = new Set(result.ruleSet.rules.map((compiled) => compiled.meta.source.file));
    const counts = new Map<string, number>([['loaded', loadedFiles.size]]);
    for (const reason of failed.values()) {
      const key = reason.startsWith('unsupported_') ? reason : (reason.split(':')[0] ?? reason);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log(
      `SigmaHQ conformance: ${result.stats.files} files, ${loadedFiles.size} load (${result.ruleSet.rules.length} engine rules)\n${table(counts)}`,
    );
    for (const [file, reason] of failed) {
      if (!reason.startsWith('unsupported_')) console.log(`  ${path.relative(sigmaDir, file)}: ${reason}`);
    }
    expect(result.stats.files).toBe(345);
    // Measured: 120 files load (130 engine rules: legacy aggregations become 2 rules each).
    expect(loadedFiles.size).toBeGreaterThanOrEqual(120);
    expect(result.ruleSet.rules.length).toBeGreaterThanOrEqual(130);
    expect(loadedFiles.size + failed.size).toBe(345);
    // Rules for logs Vigil ingests fail only on fields no parser extracts (auditd syscall arguments
    // and paths, proxy cookies and URI parts Zeek does not log, a firewall `blocked` flag, derived DNS
    // fields), two `sum()` aggregations and one aggregation without a timeframe.
    const byCode = new Map<string, number>();
    for (const reason of failed.values()) {
      if (reason.startsWith('unsupported_logsource')) continue;
      const code = reason.split(':')[0] ?? reason;
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
    expect(Object.fromEntries(byCode)).toEqual({
      unsupported_field: 58,
      legacy_aggregation: 2,
      invalid_timespan: 1,
    });
  });

  it('reads Zeek columns and auditd fields where the parsers put them', () => {
    const dns = (query: string, answers: string[] = ['203.0.113.7']) =>
      makeEvent({
        event: { dataset: 'zeek.dns' },
        zeek: { dns: { query, answers, rejected: false } },
      });
    expect(matches('bf74135c-18e8-4a72-a926-0e4f47888c19', dns('pool.minexmr.com'))).toBe(true);
    expect(matches('bf74135c-18e8-4a72-a926-0e4f47888c19', dns('pool.minexmr.com', ['127.0.0.1']))).toBe(
      false,
    );
    expect(matches('bf74135c-18e8-4a72-a926-0e4f47888c19', dns('www.example.com'))).toBe(false);
    // x509 keeps the dotted column name flat: zeek.x509['certificate.serial'].
    const cert = makeEvent({ zeek: { x509: { 'certificate.serial': '8BB00EE' } } });
    expect(matches('7100f7e3-92ce-4584-b7b7-01b40d3d4118', cert)).toBe(true);
    const audit = makeEvent({
      event: { dataset: 'auditd.log' },
      auditd: { log: { record_type: 'SYSCALL' } },
      process: { name: 'insmod', executable: '/usr/bin/kmod' },
    });
    expect(matches('106d7cbd-80ff-4985-b682-a7043e5acb72', audit)).toBe(true);
    const proxy = makeEvent({
      event: { dataset: 'zeek.http' },
      zeek: { http: { user_agent: 'Mozilla/5.0 (Hydra)' } },
    });
    expect(matches('c42a3073-30fb-48ae-8c99-c23ada84b103', proxy)).toBe(true);
  });

  it('compiles predicates that never throw on real-looking events', () => {
    const events = [
      makeEvent({}),
      makeEvent({ message: 'x'.repeat(5000), event: { original: '\u0000\uffff' } }),
      makeEvent({
        url: { original: '/', query: 'a=../../../etc/passwd' },
        http: { request: { method: 'GET' }, response: { status_code: 404 } },
      }),
      makeEvent({
        source: { ip: 'not-an-ip' },
        destination: { port: '22' },
        user: { name: ['a', 'b'] },
      } as never),
    ];
    let evaluations = 0;
    for (const compiled of result.ruleSet.rules) {
      if (!('match' in compiled)) continue;
      for (const event of events) {
        expect(typeof compiled.match(event)).toBe('boolean');
        evaluations++;
      }
    }
    expect(evaluations).toBeGreaterThan(150);
  });

  it('matches the attacks the rules describe, and not the benign lines', () => {
    const sshd = (message: string) =>
      makeEvent({
        message,
        event: { dataset: 'system.auth', original: `Mar  1 10:00:00 host sshd[42]: ${message}` },
      });
    expect(matches('e76b413a-83d0-4b94-8e4c-85db4a5b8bdc', sshd('Corrupted MAC on input. [preauth]'))).toBe(
      true,
    );
    expect(
      matches(
        'e76b413a-83d0-4b94-8e4c-85db4a5b8bdc',
        sshd('Accepted publickey for alice from 10.0.0.5 port 50000 ssh2'),
      ),
    ).toBe(false);

    const useradd = (message: string) => makeEvent({ message });
    expect(
      matches(
        '0ac15ec3-d24f-4246-aa2a-3077bb1cf90e',
        useradd('new user: name=john, UID=0, GID=0, home=/home/john, shell=/bin/bash'),
      ),
    ).toBe(true);
    expect(
      matches(
        '0ac15ec3-d24f-4246-aa2a-3077bb1cf90e',
        useradd('new user: name=ann, UID=1001, GID=1001, home=/home/ann, shell=/bin/bash'),
      ),
    ).toBe(false);

    const access = (query: string, status = 200) =>
      makeEvent({
        event: { dataset: 'nginx.access', original: `GET /?${query}` },
        url: { query },
        http: { request: { method: 'GET' }, response: { status_code: status } },
      });
    expect(matches('7745c2ea-24a5-4290-b680-04359cb84b35', access('file=../../../etc/passwd'))).toBe(true);
    expect(matches('7745c2ea-24a5-4290-b680-04359cb84b35', access('file=report.pdf'))).toBe(false);
    // SQL injection: GET, a keyword anywhere in the line, and not a 404.
    expect(
      matches('5513deaf-f49a-46c2-a6c8-3f111b5cb453', access('id=1 UNION SELECT password FROM users')),
    ).toBe(true);
    expect(
      matches('5513deaf-f49a-46c2-a6c8-3f111b5cb453', access('id=1 UNION SELECT password FROM users', 404)),
    ).toBe(false);
    expect(rule('5513deaf-f49a-46c2-a6c8-3f111b5cb453')).toMatchObject({
      datasets: ['nginx.access', 'apache.access', 'iis.access'],
    });
  });
});
