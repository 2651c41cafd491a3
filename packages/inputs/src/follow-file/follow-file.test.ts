import { appendFile, mkdtemp, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followFile } from './follow-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigil-follow-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function take(iterator: AsyncGenerator<{ line: string }>, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const next = await iterator.next();
    if (next.done === true) break;
    out.push(next.value.line);
  }
  return out;
}

describe('followFile', () => {
  it('reads a finished file to its end, last line without newline included', async () => {
    const path = join(dir, 'a.log');
    await writeFile(path, 'a\nb\nc');
    const lines: string[] = [];
    for await (const { line } of followFile(path, { stopAtEof: true })) lines.push(line);
    expect(lines).toEqual(['a', 'b', 'c']);
  });

  it('follows appends, rotation by rename, and truncation, losing nothing', async () => {
    const path = join(dir, 'auth.log');
    await writeFile(path, 'one\n');
    const controller = new AbortController();
    const it = followFile(path, { pollMs: 10, signal: controller.signal });
    expect(await take(it, 1)).toEqual(['one']);

    await appendFile(path, 'two\n');
    expect(await take(it, 1)).toEqual(['two']);

    // logrotate: the writer adds a last line to the old file, which is renamed; a new file appears.
    await appendFile(path, 'three\n');
    await rename(path, `${path}.1`);
    await writeFile(path, 'four\n');
    expect(await take(it, 2)).toEqual(['three', 'four']);

    // copytruncate: the file shrinks to nothing and is written again.
    await truncate(path, 0);
    await new Promise((r) => setTimeout(r, 50));
    await appendFile(path, 'five\n');
    expect(await take(it, 1)).toEqual(['five']);
    controller.abort();
    await it.return(undefined);
  });

  it('waits for a file that does not exist yet', async () => {
    const path = join(dir, 'later.log');
    const controller = new AbortController();
    const it = followFile(path, { pollMs: 10, signal: controller.signal });
    const pending = take(it, 1);
    await new Promise((r) => setTimeout(r, 40));
    await writeFile(path, 'hello\n');
    expect(await pending).toEqual(['hello']);
    controller.abort();
    await it.return(undefined);
  });
});
