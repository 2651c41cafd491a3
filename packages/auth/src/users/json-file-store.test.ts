import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonFileAuthStore } from './json-file-store.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('JsonFileAuthStore', () => {
  it('keeps users and tokens across reopen, in a private file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-auth-'));
    const path = join(dir, 'nested', 'auth.json');
    const store = await JsonFileAuthStore.open(path);
    await store.users.put({
      id: 'u1',
      name: 'Ana',
      role: 'admin',
      passwordHash: 'h',
      totpSecret: 'S',
      disabled: false,
      createdAt: 'c',
    });
    await store.tokens.put({
      id: 't1',
      name: 'bot',
      role: 'viewer',
      hash: 'x',
      createdBy: 'Ana',
      createdAt: 'c',
    });
    await store.tokens.put({
      id: 't2',
      name: 'bot2',
      role: 'viewer',
      hash: 'y',
      createdBy: 'Ana',
      createdAt: 'd',
    });
    expect(await store.tokens.delete('t2')).toBe(true);
    expect(await store.users.delete('nope')).toBe(false);
    const reopened = await JsonFileAuthStore.open(path);
    expect(await reopened.users.getByName('ana')).toMatchObject({ id: 'u1', role: 'admin', totpSecret: 'S' });
    expect((await reopened.tokens.list()).map((token) => token.id)).toEqual(['t1']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      users: [{ id: 'u1' }],
      tokens: [{ id: 't1' }],
    });
  });
});
