import type { LiveFeed, LiveMessage } from '../ports/live-feed.js';

/** A live feed fed in-process (the embedded pipeline, tests). Listener errors never reach the publisher. */
export class MemoryLiveFeed implements LiveFeed {
  private readonly listeners = new Set<(message: LiveMessage) => void>();

  subscribe(listener: (message: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(message: LiveMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken subscriber must not stop the others or the pipeline.
      }
    }
  }
}
