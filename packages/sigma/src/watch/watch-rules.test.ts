import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoMappings } from '../test-support/rule-fixtures.js';
import { watchRules, type RuleReload, type RuleWatcher } from './watch-rules.js';

const rule = (id: string, keyword: string) => `title: Rule ${id}
id: ${id}
level: low
logsource: {product: linux, service: sshd}
detection:
    keywords: ['${keyword}']
    condition: keywords
`;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string | undefined;
let watcher: RuleWatcher | undefined;

afterEach(async () => {
  watcher?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('watchRules', () => {
  it('reloads on change, keeps the last good set on errors, and recovers', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigil-sigma-watch-'));
    await writeFile(path.join(dir, 'a.yml'), rule('a', 'one'));
    const reloads: RuleReload[] = [];
    watcher = watchRules([dir], (reload) => reloads.push(reload), {
      mappings: repoMappings(),
      debounceMs: 50,
    });
    const first = await watcher.ready;
    expect(first?.applied).toBe(true);
    expect(watcher.current().rules.map((compiled) => compiled.meta.id)).toEqual(['a']);

    await writeFile(path.join(dir, 'b.yml'), rule('b', 'two'));
    await until(() => watcher?.current().rules.length === 2, 'the new rule');

    const before = reloads.length;
    await writeFile(path.join(dir, 'b.yml'), `${rule('b', 'two')}    oops: [\n`);
    await until(() => reloads.length > before && reloads.at(-1)?.applied === false, 'the failed reload');
    const failed = reloads.at(-1);
    expect(failed?.result.errors[0]).toMatchObject({ file: path.join(dir, 'b.yml'), code: 'yaml_syntax' });
    expect(watcher.current().rules.map((compiled) => compiled.meta.id)).toEqual(['a', 'b']);

    await writeFile(path.join(dir, 'b.yml'), rule('b', 'three'));
    await until(
      () => reloads.at(-1)?.applied === true && reloads.at(-1)?.result.errors.length === 0,
      'the recovery',
    );
    expect(watcher.current().rules).toHaveLength(2);
  });

  it('applies the good rules of a first load that has errors', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vigil-sigma-watch-'));
    await writeFile(path.join(dir, 'a.yml'), rule('a', 'one'));
    await writeFile(path.join(dir, 'bad.yml'), 'title: [');
    watcher = watchRules([dir], () => undefined, { mappings: repoMappings(), debounceMs: 50 });
    const first = await watcher.ready;
    expect(first?.applied).toBe(true);
    expect(first?.result.errors).toHaveLength(1);
    expect(watcher.current().rules).toHaveLength(1);
  });
});
