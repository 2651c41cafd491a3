import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRulesLintCommand } from './run-rules-lint-command.js';

let dir: string;

const good = `title: Good
id: 77777777-0000-0000-0000-000000000001
level: low
logsource: {product: linux, service: sshd}
detection:
    keywords: ['Corrupted MAC']
    unused: ['x']
    condition: keywords
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vigil-sigma-lint-'));
  await writeFile(path.join(dir, 'good.yml'), good);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runRulesLintCommand(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
  });
  return { code, out, err };
}

describe('vigil rules lint', () => {
  it('exits 0 on warnings only, 1 with --strict', async () => {
    const file = path.join(dir, 'good.yml');
    const lenient = await run(file);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toBe(
      `${file}:7:5: warning: search identifier 'unused' is not used by the condition [unused_identifier]\n1 files, 1 rules loaded, 0 errors, 1 warnings\n`,
    );
    expect((await run('--strict', file)).code).toBe(1);
  });

  it('exits 1 and prints file:line for every error', async () => {
    const bad = path.join(dir, 'bad');
    await writeFile(
      path.join(dir, 'bad.yml'),
      good
        .replace("['Corrupted MAC']", '{c-uri|nope: x}')
        .replace('product: linux, service: sshd', 'category: webserver'),
    );
    const result = await run(path.join(dir, 'bad.yml'), path.join(dir, 'missing.yml'));
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${bad}.yml:6:16: error: unknown modifier 'nope' [unknown_modifier]`);
    expect(result.out).toContain(`${path.join(dir, 'missing.yml')}:1:1: error: ENOENT`);
    expect(result.out).toMatch(/2 errors, 1 warnings\n$/);
  });

  it('prints JSON and usage errors', async () => {
    const json = await run('--json', path.join(dir, 'good.yml'));
    expect(JSON.parse(json.out)).toMatchObject({ errors: [], stats: { loaded: 1 } });
    const usage = await run();
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage: vigil rules lint');
    expect((await run('--bogus', 'x')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });
});
