import {
  apiTokenRecordSchema,
  userRecordSchema,
  type ApiTokenRecord,
  type TokenStore,
  type UserRecord,
  type UserStore,
} from '@vigil/auth';
import type { Redis } from '@vigil/redis';
import { redisCall } from '@vigil/redis';
import type { z } from 'zod';

function parse<T>(schema: z.ZodType<T>, text: string | null | undefined): T | undefined {
  if (text === null || text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

// JSON has no `undefined`: a parsed record has its optional fields set or absent, as the types say.
const toUser = (text: string | null | undefined): UserRecord | undefined =>
  parse(userRecordSchema, text) as UserRecord | undefined;
const toToken = (text: string | null | undefined): ApiTokenRecord | undefined =>
  parse(apiTokenRecordSchema, text) as ApiTokenRecord | undefined;

/**
 * Users and API tokens in Redis, shared by every API instance (the JSON file serves one): hashes
 * `<prefix>users` (id → user JSON), `<prefix>user-names` (lower-case name → id) and `<prefix>tokens`
 * (id → token JSON). Holds password hashes, token hashes and TOTP secrets: protect Redis accordingly
 * (ACL user, TLS, no public port). Records that do not parse are skipped, never fatal.
 */
export class RedisAuthStore {
  private readonly usersKey: string;
  private readonly namesKey: string;
  private readonly tokensKey: string;
  private readonly usedStepsKey: string;

  constructor(
    private readonly redis: Redis,
    prefix = 'auth:',
  ) {
    this.usersKey = `${prefix}users`;
    this.namesKey = `${prefix}user-names`;
    this.tokensKey = `${prefix}tokens`;
    this.usedStepsKey = `${prefix}totp-step:`;
  }

  readonly users: UserStore = {
    list: () =>
      redisCall('listing users', async () =>
        (await this.redis.hvals(this.usersKey))
          .flatMap((text) => toUser(text) ?? [])
          .sort((a, b) => a.name.localeCompare(b.name)),
      ),
    getById: (id) =>
      redisCall('reading a user', async () => toUser(await this.redis.hget(this.usersKey, id))),
    getByName: (name) =>
      redisCall('reading a user', async () => {
        const id = await this.redis.hget(this.namesKey, name.toLowerCase());
        return id === null ? undefined : toUser(await this.redis.hget(this.usersKey, id));
      }),
    put: (user: UserRecord) =>
      redisCall('saving a user', async () => {
        const previous = toUser(await this.redis.hget(this.usersKey, user.id));
        const multi = this.redis
          .multi()
          .hset(this.usersKey, user.id, JSON.stringify(user))
          .hset(this.namesKey, user.name.toLowerCase(), user.id);
        if (previous !== undefined && previous.name.toLowerCase() !== user.name.toLowerCase())
          multi.hdel(this.namesKey, previous.name.toLowerCase());
        await multi.exec();
      }),
    claimTotpStep: (userId, step) =>
      redisCall('claiming a TOTP step', async () => {
        // Codes are accepted one step either side: a claim outlives that window.
        const claimed = await this.redis.set(
          `${this.usedStepsKey}${userId}:${String(step)}`,
          '1',
          'PX',
          180_000,
          'NX',
        );
        return claimed === 'OK';
      }),
    delete: (id) =>
      redisCall('deleting a user', async () => {
        const previous = toUser(await this.redis.hget(this.usersKey, id));
        const multi = this.redis.multi().hdel(this.usersKey, id);
        if (previous !== undefined) multi.hdel(this.namesKey, previous.name.toLowerCase());
        const results = await multi.exec();
        return results?.[0]?.[1] === 1;
      }),
  };

  readonly tokens: TokenStore = {
    list: () =>
      redisCall('listing tokens', async () =>
        (await this.redis.hvals(this.tokensKey))
          .flatMap((text) => toToken(text) ?? [])
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      ),
    get: (id) => redisCall('reading a token', async () => toToken(await this.redis.hget(this.tokensKey, id))),
    put: (token: ApiTokenRecord) =>
      redisCall('saving a token', async () => {
        await this.redis.hset(this.tokensKey, token.id, JSON.stringify(token));
      }),
    delete: (id) =>
      redisCall('deleting a token', async () => (await this.redis.hdel(this.tokensKey, id)) === 1),
  };
}
