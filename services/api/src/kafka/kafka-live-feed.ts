import type { Logger } from '@vigil/core';
import { createConsumer, type ConsumedBatch, type VigilConsumer } from '@vigil/kafka';
import { alertSchema, incidentSchema, TOPICS } from '@vigil/schema';
import type { Kafka } from '@vigil/kafka';
import type { LiveFeed, LiveMessage } from '../ports/live-feed.js';

export interface KafkaLiveFeedOptions {
  /** Unique per API process: every instance must see every message. */
  readonly groupId: string;
  readonly logger?: Logger;
  readonly alertsTopic?: string;
  readonly incidentsTopic?: string;
}

/** New alerts and incident changes from `vigil.alerts` and `vigil.incidents`, from now on. */
export class KafkaLiveFeed implements LiveFeed {
  private readonly listeners = new Set<(message: LiveMessage) => void>();
  private readonly consumer: VigilConsumer;
  private readonly alertsTopic: string;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaLiveFeedOptions,
  ) {
    this.alertsTopic = options.alertsTopic ?? TOPICS.alerts;
    this.consumer = createConsumer(kafka, {
      groupId: options.groupId,
      topics: [this.alertsTopic, options.incidentsTopic ?? TOPICS.incidents],
      fromBeginning: false,
      shutdownSignals: false,
      handler: (batch) => {
        this.handle(batch);
        return Promise.resolve();
      },
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    });
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  subscribe(listener: (message: LiveMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private handle(batch: ConsumedBatch): void {
    for (const message of batch.messages) {
      if (message.value === null) continue;
      let json: unknown;
      try {
        json = JSON.parse(message.value.toString('utf8'));
      } catch {
        this.options.logger?.warn(
          { topic: batch.topic, offset: message.offset },
          'live feed: not JSON, skipped',
        );
        continue;
      }
      const live = this.toMessage(batch.topic, json);
      if (live === undefined) {
        this.options.logger?.warn(
          { topic: batch.topic, offset: message.offset },
          'live feed: not a valid record, skipped',
        );
        continue;
      }
      for (const listener of this.listeners) listener(live);
    }
  }

  private toMessage(topic: string, json: unknown): LiveMessage | undefined {
    if (topic === this.alertsTopic) {
      const alert = alertSchema.safeParse(json);
      return alert.success ? { type: 'alert', alert: alert.data } : undefined;
    }
    const incident = incidentSchema.safeParse(json);
    return incident.success ? { type: 'incident', incident: incident.data } : undefined;
  }
}
