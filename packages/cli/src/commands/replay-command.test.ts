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
