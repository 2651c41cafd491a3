import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../rule-pack/repo-paths.js';
import { captureIo } from '../testing/capture-io.js';
import { runReplayCommand } from './replay-command.js';

const demo = (name: string): string => join(repoRoot(), 'packages/cli/demo', name);
const files = [demo('auth.log'), demo('network.log'), demo('cloudtrail.jsonl')];

async function replay(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(stdin === undefined ? {} : { stdin });
  const code = await runReplayCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('vigil replay', () => {
  it('gives byte-identical alerts on every run, whatever the file order', async () => {
    const a = await replay(['--quiet', ...files]);
    const b = await replay(['--quiet', ...[...files].reverse()]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const alerts = a.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { rule: { title: string } });
    expect(alerts.map((x) => x.rule.title)).toEqual(
      expect.arrayContaining([
        'SSH brute force from one source',
        'SSH password spray from one source',
        'Port scan from one source',
        'AWS console login without MFA',
        'Host stopped sending logs',
      ]),
    );
  });

  it('gives the same alerts when lines arrive shuffled within the allowed lateness', async () => {
    const ordered = await replay(['--quiet', demo('auth.log')]);
    const lines = (await import('node:fs')).readFileSync(demo('auth.log'), 'utf8').trim().split('\n');
    // Swap neighbours: every line moves at most one place, well within 5 s of event time here.
    for (let i = 0; i + 1 < lines.length; i += 2) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    const dir = mkdtempSync(join(tmpdir(), 'vigil-replay-'));
    writeFileSync(join(dir, 'shuffled.log'), lines.join('\n'));
    const shuffled = await replay(['--quiet', '--lateness', '10m', join(dir, 'shuffled.log')]);
    const ids = (out: string): string[] =>
      out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id)
        .sort();
    expect(ids(shuffled.out)).toEqual(ids(ordered.out));
  });

  it('reads stdin, reports dead letters on stderr and still exits 0', async () => {
    const result = await replay(['-'], 'this is not a log line\n');
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(result.err).toContain('dead_letter');
    expect(result.err).toContain('1 dead letters');
  });

  it('rejects bad usage with exit 2 and a message', async () => {
    expect((await replay([])).code).toBe(2);
    const bad = await replay(['--year', 'soon', 'x.log']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year');
  });

  it('starts new_terms learning where --learn-from says, not at the first match', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-learn-'));
    writeFileSync(
      join(dir, 'new_source.yml'),
      [
        'title: Login from a new source',
        'id: 7d0c4a51-2a6b-4f0e-9c1d-000000000011',
        'status: test',
        'logsource: { product: linux, service: auth }',
        'detection:',
        '  selection:',
        '    event.action: ssh_login',
        '    event.outcome: success',
        '  condition: selection',
        'vigil:',
        '  new_terms: { fields: [source.ip], group-by: [user.name], history: 1h }',
        'level: medium',
        '',
      ].join('\n'),
    );
    const log = join(dir, 'auth.log');
    const login = (time: string, ip: string): string =>
      `2026-11-27T${time}.000000+00:00 web-01 sshd[1]: Accepted password for alice from ${ip} port 50000 ssh2`;
    writeFileSync(
      log,
      [login('08:00:00', '10.0.0.1'), login('08:30:00', '10.0.0.2'), login('09:10:00', '10.0.0.3'), ''].join(
        '\n',
      ),
    );
    const ips = async (extra: string[]): Promise<string[]> => {
      const run = await replay(['--rules', dir, ...extra, log]);
      expect(run.code).toBe(0);
      return run.out
        .trim()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { distinct: { values: string[] } }).distinct.values.join());
    };
    // From the first match (08:00): learning until 09:00.
    expect(await ips([])).toEqual(['10.0.0.3']);
    // From 07:00: learning is over before the first login; every source is new.
    expect(await ips(['--learn-from', '2026-11-27T07:00:00Z'])).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
    // From 08:20: still learning at 09:10.
    expect(await ips(['--learn-from', '2026-11-27T08:20:00Z'])).toEqual([]);
    expect((await replay(['--learn-from', 'yesterday', log])).code).toBe(2);
  });

  it('refuses to run with rule errors unless told, naming file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-rules-'));
    writeFileSync(
      join(dir, 'bad.yml'),
      'title: broken\nlogsource:\n  product: linux\ndetection:\n  sel:\n    user.name|nosuchmodifier: x\n  condition: sel\nlevel: high\n',
    );
    const result = await replay(['--rules', dir, demo('auth.log')]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/bad\.yml:6:\d+: error/);
  });
});
