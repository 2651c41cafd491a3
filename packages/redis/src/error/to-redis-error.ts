import { VigilError } from '@vigil/core';
import { RedisCommandError, RedisUnavailableError } from './redis-error.js';

/** Error replies that describe a passing state of the server, not a wrong command. */
const TRANSIENT_REPLIES = ['LOADING', 'BUSY', 'READONLY', 'TRYAGAIN', 'MASTERDOWN', 'CLUSTERDOWN', 'OOM'];

/** Failures of the connection, as ioredis reports them. */
const CONNECTION_MESSAGES = [
  'Connection is closed',
  'Command timed out',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
];

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** Maps what ioredis throws to RedisUnavailableError / RedisCommandError; VigilErrors pass through. */
export function toRedisError(error: unknown, doing?: string): VigilError {
  if (error instanceof VigilError) return error;
  const prefix = doing === undefined ? '' : `${doing}: `;
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : '';
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'ReplyError') {
    const reply = message.split(' ')[0] ?? '';
    const transient = TRANSIENT_REPLIES.includes(reply);
    return new RedisCommandError(`${prefix}${message}`, {
      code: `REDIS_${reply.replace(/[^A-Z]/g, '') || 'ERR'}`,
      retriable: transient,
      cause: error,
    });
  }
  if (
    name === 'MaxRetriesPerRequestError' ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    CONNECTION_MESSAGES.some((text) => message.includes(text))
  ) {
    return new RedisUnavailableError(`${prefix}Redis unavailable: ${message}`, {
      code: message.includes('timed out') ? 'REDIS_TIMEOUT' : 'REDIS_UNAVAILABLE',
      retriable: true,
      cause: error,
    });
  }
  return new RedisCommandError(`${prefix}${message}`, {
    code: 'REDIS_ERROR',
    retriable: false,
    cause: error,
  });
}
