import { toRedisError } from './to-redis-error.js';

/** Runs Redis commands, turning what ioredis throws into `toRedisError`'s errors, labelled `doing`. */
export async function redisCall<T>(doing: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toRedisError(error, doing);
  }
}
