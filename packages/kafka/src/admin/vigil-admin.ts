import { createLogger, retry, type Logger } from '@vigil/core';
import type { Admin, Kafka } from 'kafkajs';
import { KafkaProtocolError } from '../error/kafka-error.js';
import { toKafkaError } from '../error/to-kafka-error.js';
import { computeLag, type PartitionLag } from './compute-lag.js';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** 1 on the single-broker local stack; 3 in production. */
  readonly replicationFactor?: number;
  /** Topic configs, e.g. `{ 'retention.ms': '604800000', 'cleanup.policy': 'delete' }`. */
  readonly config?: Readonly<Record<string, string>>;
}

export interface EnsureTopicsResult {
  readonly created: readonly string[];
  readonly existing: readonly string[];
  /** Existing topics with another partition count than asked: left alone (repartitioning moves keys). */
  readonly mismatched: readonly { topic: string; partitions: number; wanted: number }[];
}

/** Topic administration and lag metrics over one kafkajs admin connection. */
export class VigilAdmin {
  private readonly admin: Admin;
  private readonly logger: Logger;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka, options: { logger?: Logger } = {}) {
    this.admin = kafka.admin();
    this.logger = options.logger ?? createLogger({ name: 'kafka-admin' });
  }

  /** Creates the missing topics (waiting for their leaders) and reports the ones that differ. */
  async ensureTopics(specs: readonly TopicSpec[]): Promise<EnsureTopicsResult> {
    return this.call('ensuring topics', async (admin) => {
      const present = new Set(await admin.listTopics());
      const missing = specs.filter((spec) => !present.has(spec.topic));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((spec) => ({
            topic: spec.topic,
            numPartitions: spec.partitions,
            replicationFactor: spec.replicationFactor ?? 1,
            configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value })),
          })),
        });
      }
      const existing = specs.filter((spec) => present.has(spec.topic));
      const mismatched: { topic: string; partitions: number; wanted: number }[] = [];
      if (existing.length > 0) {
        const metadata = await admin.fetchTopicMetadata({ topics: existing.map((spec) => spec.topic) });
        for (const spec of existing) {
          const partitions =
            metadata.topics.find((topic) => topic.name === spec.topic)?.partitions.length ?? 0;
          if (partitions !== spec.partitions)
            mismatched.push({ topic: spec.topic, partitions, wanted: spec.partitions });
        }
      }
      if (mismatched.length > 0)
        this.logger.warn({ mismatched }, 'topics exist with another partition count');
      return {
        created: missing.map((spec) => spec.topic),
        existing: existing.map((spec) => spec.topic),
        mismatched,
      };
    });
  }

  /** Per-partition lag of a consumer group on one topic (committed offset vs high watermark). */
  async consumerLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    return this.call(`fetching lag of ${groupId} on ${topic}`, async (admin) => {
      const [committed, watermarks] = await Promise.all([
        admin.fetchOffsets({ groupId, topics: [topic] }),
        admin.fetchTopicOffsets(topic),
      ]);
      const partitions = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      return computeLag(topic, partitions, watermarks);
    });
  }

  /** Number of members of a consumer group (0 when it is empty or unknown). */
  async groupMembers(groupId: string): Promise<number> {
    return this.call(`describing group ${groupId}`, async (admin) => {
      const { groups } = await admin.describeGroups([groupId]);
      return groups[0]?.members.length ?? 0;
    });
  }

  async deleteTopics(topics: readonly string[]): Promise<void> {
    await this.call('deleting topics', (admin) => admin.deleteTopics({ topics: [...topics] }));
  }

  async disconnect(): Promise<void> {
    if (this.connected === undefined) return;
    this.connected = undefined;
    await this.admin.disconnect();
  }

  /**
   * Runs one admin operation. Retriable protocol errors (NOT_LEADER, UNKNOWN_TOPIC_OR_PARTITION right
   * after a topic was created, while its leadership spreads) are retried for a few seconds: every
   * operation here is idempotent. Connection errors are not: the caller decides how long to wait.
   */
  private async call<T>(doing: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
    return retry(
      async () => {
        try {
          this.connected ??= this.admin.connect();
          await this.connected;
          return await fn(this.admin);
        } catch (error) {
          // A failed connect must not stick: the next call connects again.
          this.connected = undefined;
          throw toKafkaError(error, doing);
        }
      },
      {
        retries: 6,
        initialDelayMs: 100,
        maxDelayMs: 2_000,
        shouldRetry: (error) => error instanceof KafkaProtocolError && error.retriable,
        onRetry: (error, attempt, delayMs) => {
          this.logger.debug({ err: error, attempt, delayMs }, `retrying: ${doing}`);
        },
      },
    );
  }
}

export function createAdmin(kafka: Kafka, options: { logger?: Logger } = {}): VigilAdmin {
  return new VigilAdmin(kafka, options);
}
