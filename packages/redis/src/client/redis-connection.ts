import { EventEmitter } from 'node:events';
import { createLogger, type Logger } from '@vigil/core';
import { Redis } from 'ioredis';
import type { RedisConfig } from '../config/redis-config.schema.js';
import { redactRedisUrl } from '../config/load-redis-config.js';
import { toRedisError } from '../error/to-redis-error.js';
import { reconnectDelay, redisStatusOf, type RedisStatus } from './redis-status.js';

export interface RedisConnectionEvents {
  status: [status: RedisStatus];
}

/**
 * One Redis connection with its health. Chosen so callers never hang when Redis is down: a command
 * issued while disconnected waits for at most one reconnect attempt (`maxRetriesPerRequest: 1`),
 * every command has a timeout, and reconnecting goes on for ever in the background, so work resumes
 * by itself when Redis is back. Failures are RedisUnavailableErrors (retriable).
 */
export class RedisConnection extends EventEmitter<RedisConnectionEvents> {
  readonly client: Redis;
  private readonly logger: Logger;
  private current: RedisStatus = 'connecting';
  private outageLogged = false;

  constructor(config: RedisConfig, options: { logger?: Logger; name?: string } = {}) {
    super();
    this.logger = options.logger ?? createLogger({ name: options.name ?? 'redis' });
    this.client = new Redis(config.url, {
      keyPrefix: config.keyPrefix,
      connectionName: options.name ?? 'vigil',
      connectTimeout: config.connectTimeoutMs,
      commandTimeout: config.commandTimeoutMs,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      retryStrategy: reconnectDelay,
      // After a failover the old primary turns read-only: reconnect to find the new one.
      reconnectOnError: (error) => error.message.startsWith('READONLY'),
    });
    for (const event of ['connect', 'ready', 'close', 'reconnecting', 'end'] as const) {
      this.client.on(event, () => this.update());
    }
    // Without a listener ioredis prints every connection error; one line per outage is enough.
    this.client.on('error', (error: unknown) => {
      if (this.outageLogged) return;
      this.outageLogged = true;
      this.logger.warn(
        { err: toRedisError(error), url: redactRedisUrl(config.url) },
        'redis connection failed; reconnecting',
      );
    });
  }

  get status(): RedisStatus {
    return this.current;
  }

  isReady(): boolean {
    return this.current === 'ready';
  }

  /** Resolves once connected (e.g. at start-up); rejects with the last error after `timeoutMs`. */
  async waitUntilReady(timeoutMs = 10_000): Promise<void> {
    if (this.isReady()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('status', onStatus);
        reject(toRedisError(new Error(`Connection is closed: not ready after ${timeoutMs} ms`)));
      }, timeoutMs);
      const onStatus = (status: RedisStatus): void => {
        if (status !== 'ready') return;
        clearTimeout(timer);
        this.off('status', onStatus);
        resolve();
      };
      this.on('status', onStatus);
    });
  }

  /** Closes gracefully (pending replies first); falls back to a hard disconnect when Redis is away. */
  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    if (this.isReady()) {
      await this.client.quit().catch(() => this.client.disconnect());
    } else {
      this.client.disconnect();
    }
  }

  private update(): void {
    const next = redisStatusOf(this.client.status);
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    if (next === 'ready') {
      if (this.outageLogged || previous === 'reconnecting') this.logger.info('redis connection ready again');
      this.outageLogged = false;
    }
    this.emit('status', next);
  }
}

/** A Redis connection for a config; see RedisConnection for the outage behaviour. */
export function createRedisConnection(
  config: RedisConfig,
  options: { logger?: Logger; name?: string } = {},
): RedisConnection {
  return new RedisConnection(config, options);
}
