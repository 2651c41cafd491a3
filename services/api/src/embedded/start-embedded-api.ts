import { chmod, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  AuthService,
  JsonFileAuthStore,
  MemorySessionStore,
  PasswordHasher,
  StreamAuditSink,
  type AuditRecord,
  type AuditSink,
} from '@vigil/auth';
import type { Logger } from '@vigil/core';
import type { Incident } from '@vigil/schema';
import type { Api } from '../app/build-api.js';
import { buildApi } from '../app/build-api.js';
import type { LoadedRules } from '../memory/counting-rule-catalog.js';
import { createMemoryPorts } from '../memory/memory-ports.js';
import type { MemoryStore, StoreSnapshot } from '../memory/memory-store.js';
import { bootstrapEmbeddedUsers } from './bootstrap-embedded-users.js';
import { ensureConsoleBuilt } from './ensure-console-built.js';

export interface EmbeddedApiOptions {
  /** Users (hashed), the audit trail and the console build live here. */
  readonly dataDir: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly loadRules: () => Promise<LoadedRules>;
  /** What an earlier run kept: loaded before the API listens. */
  readonly snapshot: StoreSnapshot;
  /** Every incident change, to keep it on disk. */
  readonly onIncident: (incident: Incident) => void;
  /** Every audit record as the JSON line written to the trail: `vigil run` feeds it to its own rules. */
  readonly onAuditLine?: (line: string) => void;
  /** A built console; by default the bundled one, built on first use. `false`: API only. */
  readonly consoleDir?: string | false;
  readonly logger?: Logger;
  /** scrypt cost as log2(N); 17 by default, lower only in tests. */
  readonly scryptLogN?: number;
  /** Where to tell people things (first-run credentials, console build). */
  readonly say: (message: string) => void;
}

export interface EmbeddedApi {
  readonly url: string;
  readonly api: Api;
  /** Feed it the pipeline's events and alerts. */
  readonly store: MemoryStore;
  readonly auth: AuthService;
  /** Reloads the rules page's catalog (after the pipeline reloaded its rules). */
  reloadRules(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The API and SOC console on the embedded store of `vigil run`: everything in process, users in a
 * JSON file under the data folder, sessions in memory, the audit trail in a file (and back into
 * Vigil's own rules). Same routes, roles and checks as the API on Elasticsearch.
 */
export async function startEmbeddedApi(options: EmbeddedApiOptions): Promise<EmbeddedApi> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const authFile = join(options.dataDir, 'auth.json');
  const authStore = await JsonFileAuthStore.open(authFile);
  const auth = new AuthService({
    users: authStore.users,
    tokens: authStore.tokens,
    sessions: new MemorySessionStore(),
    hasher: new PasswordHasher({ logN: options.scryptLogN ?? 17, r: 8, p: 1 }),
    sessionTtlMs: 12 * 3_600_000,
    idleTtlMs: 30 * 60_000,
  });
  const created = await bootstrapEmbeddedUsers(auth);
  if (created !== undefined) {
    await chmod(authFile, 0o600).catch(() => undefined);
    options.say(created);
  }

  const auditPath = join(options.dataDir, 'audit.ndjson');
  const trail = StreamAuditSink.file(auditPath);
  const audit: AuditSink = {
    async write(record: AuditRecord) {
      await trail.write(record);
      options.onAuditLine?.(JSON.stringify(record));
    },
    close: () => trail.close(),
  };

  const memory = createMemoryPorts({ loadRules: options.loadRules, audit, onIncident: options.onIncident });
  memory.store.restore(options.snapshot);
  await memory.rules.reload();

  let consoleDir: string | undefined;
  if (options.consoleDir === undefined) {
    const built = await ensureConsoleBuilt(options.say);
    if (built.dir === undefined) options.say(`no console: ${built.reason}; the API still serves /api`);
    consoleDir = built.dir;
  } else if (options.consoleDir !== false) consoleDir = options.consoleDir;

  const api = await buildApi({
    auth,
    ports: memory.ports,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(consoleDir === undefined ? {} : { consoleDir }),
  });
  await api.app.listen({ host: options.host ?? '127.0.0.1', port: options.port });
  const address = api.app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    api,
    store: memory.store,
    auth,
    reloadRules: () => memory.rules.reload(),
    async close() {
      await api.app.close();
      await audit.close?.();
    },
  };
}
