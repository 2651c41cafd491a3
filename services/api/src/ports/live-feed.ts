import type { Alert, Incident } from '@vigil/schema';

export type LiveMessage =
  | { readonly type: 'alert'; readonly alert: Alert }
  | { readonly type: 'incident'; readonly incident: Incident };

/**
 * New alerts and incident changes as they happen: from Kafka (`vigil.alerts`, `vigil.incidents`)
 * or from the embedded pipeline. The API numbers them and fans them out over Server-Sent Events.
 */
export interface LiveFeed {
  subscribe(listener: (message: LiveMessage) => void): () => void;
}
