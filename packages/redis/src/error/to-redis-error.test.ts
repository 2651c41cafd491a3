import { ConfigError } from '@vigil/core';
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisCommandError, RedisUnavailableError } from './redis-error.js';
import { toRedisError } from './to-redis-error.js';

/** ioredis re-exports redis-errors' ReplyError without types. */
function replyError(message: string): Error {
  const Ctor = ReplyError as unknown as new (text: string) => Error;
  return new Ctor(message);
}

describe('toRedisError', () => {
  it('maps connection failures and timeouts to retriable unavailability', () => {
    const retries = Object.assign(
      new Error(
        'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
      ),
      {
        name: 'MaxRetriesPerRequestError',
      },
    );
    expect(toRedisError(retries, 'saving checkpoint')).toBeInstanceOf(RedisUnavailableError);
    expect(toRedisError(retries).retriable).toBe(true);
    expect(toRedisError(new Error('Command timed out'))).toMatchObject({
      code: 'REDIS_TIMEOUT',
      retriable: true,
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toRedisError(refused)).toMatchObject({ code: 'REDIS_UNAVAILABLE', retriable: true });
    expect(toRedisError(new Error('Connection is closed.')).retriable).toBe(true);
  });

  it('maps error replies, retriable only for passing server states', () => {
    const wrongType = toRedisError(
      replyError('WRONGTYPE Operation against a key holding the wrong kind of value'),
    );
    expect(wrongType).toBeInstanceOf(RedisCommandError);
    expect(wrongType).toMatchObject({ code: 'REDIS_WRONGTYPE', retriable: false });
    expect(toRedisError(replyError('LOADING Redis is loading the dataset in memory'))).toMatchObject({
      code: 'REDIS_LOADING',
      retriable: true,
    });
  });

  it('passes VigilErrors through and treats the unknown as non-retriable', () => {
    const config = new ConfigError('bad');
    expect(toRedisError(config)).toBe(config);
    expect(toRedisError(new TypeError('x'), 'loading')).toMatchObject({
      code: 'REDIS_ERROR',
      retriable: false,
      message: 'loading: x',
    });
  });
});
