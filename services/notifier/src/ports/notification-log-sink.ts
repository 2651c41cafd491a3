import type { NotificationLogEntry } from '@vigil/channels';

/** Where delivery attempts are recorded (an Elasticsearch index in production). */
export interface NotificationLogSink {
  write(entries: readonly NotificationLogEntry[]): Promise<void>;
}
