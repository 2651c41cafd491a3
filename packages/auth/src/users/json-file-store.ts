import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { UsedTotpSteps } from '../totp/used-totp-steps.js';
import { apiTokenRecordSchema, userRecordSchema } from './auth-records.schema.js';
import type { ApiTokenRecord, TokenStore, UserRecord, UserStore } from './user-store.js';

const fileSchema = z.object({ users: z.array(userRecordSchema), tokens: z.array(apiTokenRecordSchema) });

/**
 * Users and tokens in one JSON file (mode 0600), rewritten atomically (temp file + rename) on every
 * change: enough for a single API instance. Holds password hashes, token hashes and TOTP secrets.
 */
export class JsonFileAuthStore {
  private userMap = new Map<string, UserRecord>();
  private tokenMap = new Map<string, ApiTokenRecord>();
  private writing: Promise<void> = Promise.resolve();
  private readonly steps = new UsedTotpSteps();

  private constructor(private readonly path: string) {}

  static async open(path: string): Promise<JsonFileAuthStore> {
    const store = new JsonFileAuthStore(path);
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      const data = fileSchema.parse(JSON.parse(text));
      store.userMap = new Map(data.users.map((user) => [user.id, user as UserRecord]));
      store.tokenMap = new Map(data.tokens.map((token) => [token.id, token as ApiTokenRecord]));
    }
    return store;
  }

  readonly users: UserStore = {
    list: () => Promise.resolve([...this.userMap.values()].sort((a, b) => a.name.localeCompare(b.name))),
    getById: (id) => Promise.resolve(this.userMap.get(id)),
    getByName: (name) => {
      const lower = name.toLowerCase();
      return Promise.resolve([...this.userMap.values()].find((user) => user.name.toLowerCase() === lower));
    },
    put: (user) => {
      this.userMap.set(user.id, user);
      return this.persist();
    },
    claimTotpStep: (userId, step) => Promise.resolve(this.steps.claim(userId, step)),
    delete: async (id) => {
      const deleted = this.userMap.delete(id);
      if (deleted) await this.persist();
      return deleted;
    },
  };

  readonly tokens: TokenStore = {
    list: () =>
      Promise.resolve([...this.tokenMap.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt))),
    get: (id) => Promise.resolve(this.tokenMap.get(id)),
    put: (token) => {
      this.tokenMap.set(token.id, token);
      return this.persist();
    },
    delete: async (id) => {
      const deleted = this.tokenMap.delete(id);
      if (deleted) await this.persist();
      return deleted;
    },
  };

  private persist(): Promise<void> {
    const snapshot = JSON.stringify(
      { users: [...this.userMap.values()], tokens: [...this.tokenMap.values()] },
      null,
      2,
    );
    // Writes are chained so that the file always ends with the latest state.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const temp = `${this.path}.${process.pid}.tmp`;
      await writeFile(temp, snapshot, { mode: 0o600 });
      await rename(temp, this.path);
    });
    return this.writing;
  }
}
