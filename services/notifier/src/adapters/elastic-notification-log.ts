import type { NotificationLogEntry } from '@vigil/channels';
import type { Logger } from '@vigil/core';
import { IndexNames, type BulkIndexer } from '@vigil/elastic';
import type { NotificationLogSink } from '../ports/notification-log-sink.js';

/** A log entry in the shape of the `<prefix>-notifications-*` mapping (@vigil/elastic). */
export function notificationDocument(entry: NotificationLogEntry): Record<string, unknown> {
  return {
    '@timestamp': entry['@timestamp'],
    id: `${entry.message_id}#${entry.attempt}`,
    incident: { id: entry.incident_ids[0] },
    incident_ids: entry.incident_ids,
    channel: entry.channel.type,
    destination: entry.channel.name,
    receiver: entry.receiver,
    status: entry.outcome,
    attempt: entry.attempt,
    ...(entry.channel.type === 'pagerduty' && entry.incident_ids[0] !== undefined
      ? { dedup_key: entry.incident_ids[0] }
      : {}),
    action: entry.action,
    reason: entry.reason,
    notification_id: entry.notification_id,
    message_id: entry.message_id,
    ...(entry.error === undefined
      ? {}
      : {
          error: {
            message: entry.error,
            ...(entry.error_code === undefined ? {} : { code: entry.error_code }),
          },
        }),
    ...(entry.status_code === undefined ? {} : { status_code: entry.status_code }),
    duration_ms: entry.duration_ms,
    ...(entry.retry_in_ms === undefined ? {} : { retry_in_ms: entry.retry_in_ms }),
    ...(entry.throttled_ms === undefined ? {} : { throttled_ms: entry.throttled_ms }),
  };
}

/**
 * Indexes delivery attempts into the daily notifications indices, by id with `create`, so writing
 * the same attempt twice is a duplicate, not a second document. Refusals are logged, not thrown:
 * the delivery log must never hold up a page.
 */
export class ElasticNotificationLog implements NotificationLogSink {
  private readonly names: IndexNames;

  constructor(
    private readonly indexer: BulkIndexer,
    indexPrefix: string,
    private readonly log: Logger,
  ) {
    this.names = new IndexNames(indexPrefix);
  }

  async write(entries: readonly NotificationLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map((entry) => {
      const document = notificationDocument(entry);
      return {
        index: this.names.daily('notifications', entry['@timestamp']),
        id: String(document['id']),
        document,
      };
    });
    try {
      const report = await this.indexer.index(docs);
      for (const rejection of report.rejected)
        this.log.warn({ reason: rejection.reason, id: rejection.doc.id }, 'delivery log entry refused');
    } catch (error) {
      this.log.warn({ err: error, entries: entries.length }, 'delivery log entries not indexed');
    }
  }
}
