import { afterAll, describe, expect, it } from 'vitest';
import { createTestRedis } from '../testing/index.js';
import { holdLeadership } from './hold-leadership.js';
import { IdempotencyKeys } from './idempotency-keys.js';
import { LeaseManager } from './lease-manager.js';

const redis = createTestRedis();
const keys = new IdempotencyKeys(redis.client);
const leases = new LeaseManager(redis.client);

afterAll(async () => {
  await redis.close();
});

describe('IdempotencyKeys', () => {
  it('lets exactly one of many concurrent claimers through', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => keys.claim('notify:inc-1:pager', 60_000, `worker-${i}`)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await keys.get('notify:inc-1:pager')).toBe(`worker-${results.indexOf(true)}`);
  });

  it('frees a claim after its TTL or when released', async () => {
    expect(await keys.claim('short', 100)).toBe(true);
    expect(await keys.claim('short', 100)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await keys.claim('short', 100)).toBe(true);

    expect(await keys.claim('failed-send', 60_000)).toBe(true);
    await keys.release('failed-send');
    expect(await keys.claim('failed-send', 60_000)).toBe(true);
  });
});

describe('LeaseManager', () => {
  it('grants a lease to one owner at a time, with growing fencing tokens', async () => {
    const first = await leases.acquire('escalation', 60_000, 'a');
    expect(first).toMatchObject({ name: 'escalation', owner: 'a', token: 1 });
    expect(await leases.acquire('escalation', 60_000, 'b')).toBeUndefined();
    // The holder asking again keeps its token.
    expect((await leases.acquire('escalation', 60_000, 'a'))?.token).toBe(1);

    expect(await leases.release(first!)).toBe(true);
    const second = await leases.acquire('escalation', 60_000, 'b');
    expect(second?.token).toBe(2);
    expect(await leases.latestToken('escalation')).toBe(2);
    // A stale holder can neither renew nor release the new holder's lease.
    expect(await leases.renew(first!, 60_000)).toBeUndefined();
    expect(await leases.release(first!)).toBe(false);
    expect(await leases.renew(second!, 60_000)).toMatchObject({ owner: 'b', token: 2 });
  });

  it('lets the lease lapse when it is not renewed', async () => {
    const lapsing = await leases.acquire('lapsing', 100, 'slow');
    expect(lapsing?.token).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const taken = await leases.acquire('lapsing', 60_000, 'fast');
    expect(taken?.token).toBe(2);
    expect(await leases.renew(lapsing!, 60_000)).toBeUndefined();
  });
});

describe('holdLeadership', () => {
  it('keeps one instance active, hands over on release, and tells a holder that lost its lease', async () => {
    const name = `leader-${Date.now()}`;
    const first = await holdLeadership(leases, name, { ttlMs: 600, owner: 'first' });
    expect(first.lease.owner).toBe('first');

    // The standby waits while the holder renews, well past one TTL.
    const controller = new AbortController();
    let secondActive = false;
    const standby = holdLeadership(leases, name, { ttlMs: 600, owner: 'second', signal: controller.signal });
    void standby.then(() => (secondActive = true));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(secondActive).toBe(false);

    await first.release();
    const second = await standby;
    expect(second.lease.owner).toBe('second');
    expect(second.lease.token).toBeGreaterThan(first.lease.token);

    // Someone removes the lease (an operator, a failover): the holder learns it lost it.
    await redis.client.del(`lease:${name}`);
    await leases.acquire(name, 60_000, 'third');
    await expect(Promise.race([second.lost.then(() => 'lost'), sleepThen(2_000, 'held')])).resolves.toBe(
      'lost',
    );
    await second.release();
  });

  it('stops waiting when aborted', async () => {
    const name = `leader-abort-${Date.now()}`;
    const holder = await holdLeadership(leases, name, { ttlMs: 60_000 });
    const controller = new AbortController();
    const waiting = holdLeadership(leases, name, { ttlMs: 60_000, pollMs: 50, signal: controller.signal });
    controller.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
    await holder.release();
  });
});

function sleepThen<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
