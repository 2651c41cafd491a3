import { isRetriable, retry, sleep as defaultSleep } from '@vigil/core';
import type { Channel, OutboundMessage } from '../model/channel.js';
import type { RetryConfig } from '../model/channel-config.schema.js';
import type { Notification } from '../model/notification.js';
import type { NotificationLogEntry } from '../model/notification-log.schema.js';
import { DeliveryError } from '../http/delivery-error.js';
import type { TokenBucket } from '../rate-limit/token-bucket.js';

export interface DeliverOptions {
  readonly retry: RetryConfig;
  readonly bucket?: TokenBucket;
  /** Message ids already delivered in an earlier run: not sent again. */
  readonly skip?: ReadonlySet<string>;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called with each log entry as it happens (the notifier indexes them). */
  readonly onEntry?: (entry: NotificationLogEntry) => void;
}

export interface DeliveryReport {
  /** Every message of the notification has been delivered (now or before). */
  readonly delivered: boolean;
  readonly deliveredIds: readonly string[];
  /** Undelivered message ids, and whether trying again later can help. */
  readonly failed: readonly { readonly id: string; readonly retriable: boolean; readonly error: string }[];
  readonly entries: readonly NotificationLogEntry[];
}

interface Failure {
  readonly attempt: number;
  readonly error: unknown;
  readonly durationMs: number;
  readonly throttledMs: number;
}

/**
 * Delivers a notification through a channel, at least once: each message is retried with backoff
 * (Retry-After honoured, up to `max_retry_after_ms`), each attempt first takes a token from the
 * channel's bucket, and every attempt becomes a log entry. Never throws: failures are in the report.
 */
export async function deliver(
  channel: Channel,
  notification: Notification,
  options: DeliverOptions,
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const wait = options.sleep ?? defaultSleep;
  const entries: NotificationLogEntry[] = [];
  const deliveredIds: string[] = [];
  const failed: { id: string; retriable: boolean; error: string }[] = [];

  const record = (
    message: OutboundMessage,
    fields: Omit<
      NotificationLogEntry,
      | '@timestamp'
      | 'notification_id'
      | 'message_id'
      | 'receiver'
      | 'channel'
      | 'action'
      | 'reason'
      | 'incident_ids'
    >,
  ): void => {
    const entry: NotificationLogEntry = {
      '@timestamp': now().toISOString(),
      notification_id: notification.id,
      message_id: message.id,
      receiver: notification.receiver,
      channel: { type: channel.type, name: channel.name },
      action: message.action,
      reason: notification.reason,
      incident_ids: [...message.incidentIds],
      ...fields,
    };
    entries.push(entry);
    options.onEntry?.(entry);
  };
  const failureFields = (f: Failure) => {
    const e = f.error instanceof DeliveryError ? f.error : undefined;
    return {
      attempt: f.attempt + 1,
      duration_ms: f.durationMs,
      error: f.error instanceof Error ? f.error.message : String(f.error),
      ...(e?.status === undefined ? {} : { status_code: e.status }),
      ...(e === undefined ? {} : { error_code: e.code }),
      ...(f.throttledMs > 0 ? { throttled_ms: f.throttledMs } : {}),
    };
  };

  for (const message of channel.messages(notification)) {
    if (options.skip?.has(message.id) === true) {
      deliveredIds.push(message.id);
      continue;
    }
    let last: Failure | undefined;
    try {
      await retry(
        async (attempt) => {
          const throttledMs = options.bucket?.take(now().getTime()) ?? 0;
          if (throttledMs > 0) await wait(throttledMs, options.signal);
          const started = performance.now();
          try {
            const result = await channel.send(message, options.signal);
            record(message, {
              attempt: attempt + 1,
              outcome: 'delivered',
              duration_ms: Math.round(performance.now() - started),
              ...(result.status === undefined ? {} : { status_code: result.status }),
              ...(throttledMs > 0 ? { throttled_ms: throttledMs } : {}),
            });
          } catch (error) {
            last = { attempt, error, durationMs: Math.round(performance.now() - started), throttledMs };
            throw error;
          }
        },
        {
          retries: options.retry.retries,
          initialDelayMs: options.retry.initial_delay_ms,
          maxDelayMs: options.retry.max_delay_ms,
          shouldRetry: (error) =>
            isRetriable(error) &&
            ((error as DeliveryError).retryAfterMs ?? 0) <= options.retry.max_retry_after_ms,
          delayHint: (error) => (error instanceof DeliveryError ? error.retryAfterMs : undefined),
          onRetry: (_error, _attempt, delayMs) => {
            if (last !== undefined)
              record(message, { ...failureFields(last), outcome: 'retrying', retry_in_ms: delayMs });
          },
          sleep: wait,
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        },
      );
      deliveredIds.push(message.id);
    } catch (error) {
      const cause = last?.error ?? error;
      if (last !== undefined) record(message, { ...failureFields(last), outcome: 'failed' });
      // Out of attempts on a retriable error, or stopped by shutdown: a later run may succeed.
      failed.push({
        id: message.id,
        retriable: isRetriable(cause) || options.signal?.aborted === true,
        error: cause instanceof Error ? cause.message : String(cause),
      });
    }
  }
  return { delivered: failed.length === 0, deliveredIds, failed, entries };
}
