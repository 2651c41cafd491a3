import { backoffDelay } from '@vigil/core';
import { deliver, type Notification } from '@vigil/channels';
import type { Incident } from '@vigil/schema';
import type { OutboxItem } from '../ports/notifier-state.js';
import type { NotifierDeps } from './notifier-deps.js';

const BATCH = 32;
const CONCURRENCY = 4;

export interface DrainHooks {
  /** Called once per incident when a message about it is first delivered (latency metric). */
  readonly onDelivered?: (incidentId: string) => void;
}

async function deliverItem(
  deps: NotifierDeps,
  item: OutboxItem,
  signal: AbortSignal | undefined,
  hooks: DrainHooks,
): Promise<void> {
  const now = deps.now();
  if (now.getTime() - item.createdMs > deps.outboxMaxAgeMs) {
    deps.log.error({ notification: item.id, receiver: item.receiver }, 'notification expired undelivered');
    deps.metrics.outboxPending.inc({ event: 'expired' });
    await deps.state.complete(item.id);
    return;
  }
  const incidents = (await Promise.all(item.incidentIds.map((id) => deps.store.get(id)))).filter(
    (i): i is Incident => i !== undefined,
  );
  // A page for an incident someone already acknowledged or resolved is no longer wanted.
  const stale = item.reason === 'escalation' && incidents.every((i) => i.state !== 'open');
  const channels = deps.routing().receivers.get(item.receiver);
  if (incidents.length === 0 || stale || channels === undefined) {
    if (channels === undefined)
      deps.log.warn({ receiver: item.receiver }, 'receiver no longer configured: notification dropped');
    await deps.state.complete(item.id);
    return;
  }
  const notification: Notification = {
    id: item.id,
    receiver: item.receiver,
    reason: item.reason,
    incidents,
    ...(item.escalation === undefined ? {} : { escalation: item.escalation }),
    ...(deps.consoleUrl === undefined ? {} : { consoleUrl: deps.consoleUrl }),
  };
  let retriable = false;
  let complete = true;
  for (const { channel, bucket, config } of channels) {
    const skip = await deps.state.deliveredMessages(item.id, channel.name);
    const report = await deliver(channel, notification, {
      retry: config.retry,
      bucket,
      skip,
      now: deps.now,
      ...(signal === undefined ? {} : { signal }),
    });
    const fresh = report.deliveredIds.filter((id) => !skip.has(id));
    if (fresh.length > 0) await deps.state.markDelivered(item.id, channel.name, fresh);
    for (const entry of report.entries) {
      deps.metrics.deliveries.inc({ channel: entry.channel.type, outcome: entry.outcome });
      if (entry.outcome === 'delivered') for (const id of entry.incident_ids) hooks.onDelivered?.(id);
    }
    await deps.logSink.write(report.entries);
    if (!report.delivered) {
      complete = false;
      retriable ||= report.failed.some((f) => f.retriable);
    }
  }
  if (complete || !retriable) {
    deps.metrics.outboxPending.inc({ event: complete ? 'completed' : 'failed' });
    if (!complete)
      deps.log.error({ notification: item.id, receiver: item.receiver }, 'notification failed permanently');
    await deps.state.complete(item.id);
    return;
  }
  const delay = backoffDelay(item.attempts, { initialDelayMs: 5_000, maxDelayMs: 300_000 });
  await deps.state.reschedule({
    ...item,
    attempts: item.attempts + 1,
    nextAttemptMs: deps.now().getTime() + delay,
  });
}

/** Delivers due outbox items, a few at a time; returns how many were handled. */
export async function drainOutbox(
  deps: NotifierDeps,
  signal?: AbortSignal,
  hooks: DrainHooks = {},
): Promise<number> {
  const items = await deps.state.pendingOutbox(deps.now().getTime(), BATCH);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && signal?.aborted !== true) {
      const item = items[next++];
      if (item !== undefined) await deliverItem(deps, item, signal, hooks);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return items.length;
}
