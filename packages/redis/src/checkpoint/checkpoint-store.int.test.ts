import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestRedis } from '../testing/index.js';
import { CheckpointStore } from './checkpoint-store.js';

const redis = createTestRedis();
const store = new CheckpointStore(redis.client);

afterAll(async () => {
  await redis.close();
});

describe('CheckpointStore', () => {
  it('round-trips a large binary state with its offset and version', async () => {
    const state = randomBytes(4 * 1024 * 1024);
    const before = Date.now();
    await store.save('correlator', 'vigil.events:3', { offset: '9007199254740993', state, version: 2 });
    const loaded = await store.load('correlator', 'vigil.events:3');
    expect(loaded?.offset).toBe('9007199254740993');
    expect(loaded?.version).toBe(2);
    expect(loaded?.state.equals(state)).toBe(true);
    expect(loaded?.savedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('replaces the previous checkpoint whole, and keeps partitions apart', async () => {
    await store.save('correlator', 'p0', { offset: '5', state: 'five', version: 1 });
    await store.save('correlator', 'p1', { offset: '7', state: 'seven', version: 1 });
    await store.save('correlator', 'p0', { offset: '6', state: 'six', version: 1 });
    expect((await store.load('correlator', 'p0'))?.state.toString()).toBe('six');
    expect((await store.load('correlator', 'p1'))?.offset).toBe('7');
  });

  it('keeps offset and state in step under concurrent saves', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.save('race', 'p', { offset: String(i), state: `state-${i}`, version: 1 }),
      ),
    );
    const loaded = await store.load('race', 'p');
    expect(loaded?.state.toString()).toBe(`state-${loaded?.offset}`);
  });

  it('loads nothing after delete or expiry', async () => {
    await store.save('correlator', 'gone', { offset: '1', state: 'x', version: 1 });
    expect(await store.delete('correlator', 'gone')).toBe(true);
    expect(await store.delete('correlator', 'gone')).toBe(false);
    expect(await store.load('correlator', 'gone')).toBeUndefined();

    const expiring = new CheckpointStore(redis.client, { ttlMs: 100 });
    await expiring.save('correlator', 'ttl', { offset: '1', state: 'x', version: 1 });
    expect(await redis.client.pttl('ckpt:correlator:ttl')).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await expiring.load('correlator', 'ttl')).toBeUndefined();
  });

  it('refuses an offset that is not a Kafka offset', async () => {
    await expect(store.save('correlator', 'bad', { offset: '-1', state: 'x', version: 1 })).rejects.toThrow(
      RangeError,
    );
  });
});
