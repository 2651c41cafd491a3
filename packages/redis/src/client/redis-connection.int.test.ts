import { createTcpProxy, stackEndpoints, waitFor } from '@vigil/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointStore } from '../checkpoint/checkpoint-store.js';
import { RedisUnavailableError } from '../error/redis-error.js';
import { createTestRedis } from '../testing/index.js';
import type { RedisStatus } from './redis-status.js';

const redis = createTestRedis();

afterAll(async () => {
  await redis.close();
});

describe('RedisConnection', () => {
  it('writes, expires and reads keys under its prefix', async () => {
    await redis.waitUntilReady();
    expect(redis.status).toBe('ready');
    await redis.client.set('plain', 'value');
    await redis.client.set('short-lived', 'soon gone', 'PX', 100);
    expect(await redis.client.get('plain')).toBe('value');
    expect(await redis.client.get('short-lived')).toBe('soon gone');
    await waitFor(async () => (await redis.client.get('short-lived')) === null, {
      description: 'expiry',
      timeoutMs: 3_000,
    });
    expect(await redis.client.pttl('plain')).toBe(-1);
    await redis.client.del('plain');
  });

  it('fails fast with a retriable error when nothing listens, and keeps trying in the background', async () => {
    const unreachable = createTestRedis('redis://127.0.0.1:1');
    try {
      const started = Date.now();
      const error = await unreachable.client.get('anything').catch((caught: unknown) => caught);
      const elapsed = Date.now() - started;
      const store = new CheckpointStore(unreachable.client);
      const saveError = await store
        .save('ns', 'p0', { offset: '1', state: 'x', version: 1 })
        .catch((caught: unknown) => caught);
      expect(saveError).toBeInstanceOf(RedisUnavailableError);
      expect(saveError).toMatchObject({ retriable: true, code: 'REDIS_UNAVAILABLE' });
      // The raw client fails with ioredis' own error; the stores map it as above.
      expect((error as Error).name).toBe('MaxRetriesPerRequestError');
      expect(elapsed).toBeLessThan(2_000);
      expect(unreachable.status).toBe('reconnecting');
      await expect(unreachable.waitUntilReady(200)).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      await unreachable.close();
    }
  });

  it('reports an outage and resumes by itself when Redis is back', async () => {
    const target = new URL(stackEndpoints.redisUrl);
    const proxy = await createTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = createTestRedis(`redis://127.0.0.1:${proxy.port}`);
    const statuses: RedisStatus[] = [];
    viaProxy.on('status', (status) => statuses.push(status));
    const store = new CheckpointStore(viaProxy.client);
    try {
      await viaProxy.waitUntilReady();
      await store.save('outage', 'p0', { offset: '10', state: 'before', version: 1 });

      await proxy.stop();
      await waitFor(() => viaProxy.status === 'reconnecting', { description: 'reconnecting' });
      const started = Date.now();
      const error = await store
        .save('outage', 'p0', { offset: '20', state: 'during', version: 1 })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ retriable: true });
      expect(Date.now() - started).toBeLessThan(5_000);

      await proxy.start();
      await viaProxy.waitUntilReady(10_000);
      await store.save('outage', 'p0', { offset: '30', state: 'after', version: 1 });
      const loaded = await store.load('outage', 'p0');
      expect(loaded?.offset).toBe('30');
      expect(loaded?.state.toString()).toBe('after');
      expect(statuses).toContain('reconnecting');
      expect(statuses.at(-1)).toBe('ready');
      await store.delete('outage', 'p0');
    } finally {
      await viaProxy.close();
      await proxy.stop();
    }
  });
});
