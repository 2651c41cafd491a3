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

/** Why each file did not load: its first error; logsources are named, since they dominate. */
function reasons(load: LoadResult): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const error of load.errors) {
    if (byFile.has(error.file)) continue;
    const logsource = /for logsource (.*?) \(/.exec(error.message)?.[1];
    byFile.set(
      error.file,
      error.code === 'unsupported_logsource'
        ? `unsupported_logsource: ${logsource ?? '?'}`
        : `${error.code}: ${error.message}`,
    );
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
      const key = reason.startsWith('unsupported_logsource') ? reason : (reason.split(':')[0] ?? reason);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log(
      `SigmaHQ conformance: ${result.stats.files} files, ${loadedFiles.size} load (${result.ruleSet.rules.length} engine rules)\n${table(counts)}`,
    );
    for (const [file, reason] of failed) {
      if (!reason.startsWith('unsupported_logsource'))
        console.log(`  ${path.relative(sigmaDir, file)}: ${reason}`);
    }
    expect(result.stats.files).toBe(345);
    // Measured: 46 files load (53 engine rules: 7 legacy aggregations become 2 rules each).
    expect(loadedFiles.size).toBeGreaterThanOrEqual(46);
    expect(result.ruleSet.rules.length).toBeGreaterThanOrEqual(53);
    expect(loadedFiles.size + failed.size).toBe(345);
    // Of the rules for logs Vigil ingests, only two fail: a firewall field no parser produces
    // (`blocked`) and a legacy `sum()` aggregation.
    const otherFailures = [...failed.values()].filter(
      (reason) => !reason.startsWith('unsupported_logsource'),
    );
    expect(otherFailures.map((reason) => reason.split(':')[0]).sort()).toEqual([
      'legacy_aggregation',
      'unsupported_field',
    ]);
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
      datasets: ['nginx.access', 'apache.access'],
    });
  });
});
