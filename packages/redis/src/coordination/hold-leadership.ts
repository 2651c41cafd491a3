import { randomUUID } from 'node:crypto';
import { sleep, type Logger } from '@vigil/core';
import type { Lease, LeaseManager } from './lease-manager.js';

export interface LeadershipOptions {
  /** How long a lease lasts without renewal: how long a crashed leader blocks a standby. */
  readonly ttlMs: number;
  /** How often a standby tries to take the lease. */
  readonly pollMs?: number;
  readonly owner?: string;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
}

export interface Leadership {
  readonly lease: Lease;
  /** Resolves when the lease was lost (not renewed in time, or taken): stop the guarded work then. */
  readonly lost: Promise<void>;
  /** Stops renewing and gives the lease up, so a standby takes over at once. */
  release(): Promise<void>;
}

/**
 * Active/standby for work only one instance may do (the notifier's timers and pages): waits until
 * it holds the named lease, then renews it every third of its TTL. A renewal that fails (Redis away,
 * the process paused past the TTL) leaves the lease to expire; `lost` resolves once it is gone or
 * past its expiry, and the holder must stop — a standby may hold it by then.
 */
export async function holdLeadership(
  leases: LeaseManager,
  name: string,
  options: LeadershipOptions,
): Promise<Leadership> {
  const owner = options.owner ?? randomUUID();
  const pollMs = options.pollMs ?? Math.max(100, Math.floor(options.ttlMs / 3));
  let lease: Lease | undefined;
  let waitingSaid = false;
  while (lease === undefined) {
    options.signal?.throwIfAborted();
    try {
      lease = await leases.acquire(name, options.ttlMs, owner);
    } catch (error) {
      options.logger?.warn({ err: error, lease: name }, 'cannot reach the lease store; trying again');
    }
    if (lease !== undefined) break;
    if (!waitingSaid) {
      options.logger?.info({ lease: name }, 'another instance is active: standing by');
      waitingSaid = true;
    }
    await sleep(pollMs, options.signal);
  }
  options.logger?.info({ lease: name, token: lease.token }, 'active: holding the lease');

  let current: Lease = lease;
  let stopped = false;
  let markLost: () => void = () => undefined;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  const timer = setInterval(
    () => {
      void leases.renew(current, options.ttlMs).then(
        (renewed) => {
          if (stopped) return;
          if (renewed === undefined) {
            stopped = true;
            clearInterval(timer);
            options.logger?.error({ lease: name }, 'lease lost to another instance');
            markLost();
          } else current = renewed;
        },
        (error: unknown) => {
          if (stopped || Date.now() < current.expiresAt) return;
          stopped = true;
          clearInterval(timer);
          options.logger?.error({ err: error, lease: name }, 'lease expired while the lease store was away');
          markLost();
        },
      );
    },
    Math.max(50, Math.floor(options.ttlMs / 3)),
  );

  return {
    lease,
    lost,
    async release() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await leases.release(current).catch(() => false);
    },
  };
}
