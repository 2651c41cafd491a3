import { createLogger, type Logger } from '@vigil/core';
import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { toKafkaError } from '../error/to-kafka-error.js';
import type { OutgoingMessage } from './outgoing-message.js';
import { SendQueue, type SendQueueOptions, type TopicBatch } from './send-queue.js';

export interface ProducerOptions extends Partial<SendQueueOptions> {
  readonly logger?: Logger;
  /** gzip by default: log lines compress 5-10x, and gzip needs no native codec. */
  readonly compression?: 'gzip' | 'none';
  /** Off by default: topics are created by `ensureTopics` with their partition counts and configs. */
  readonly allowAutoTopicCreation?: boolean;
}

export const DEFAULT_SEND_QUEUE: SendQueueOptions = {
  lingerMs: 5,
  maxBatchMessages: 10_000,
  maxBatchBytes: 900_000,
  deliveryTimeoutMs: 120_000,
};

/**
 * An idempotent producer (acks=all, the broker drops the duplicates of kafkajs' own retries) whose
 * `send` resolves once the messages are acknowledged. Concurrent sends are batched; see SendQueue.
 */
export class VigilProducer {
  private readonly producer: Producer;
  private readonly queue: SendQueue;
  private readonly logger: Logger;
  private connected = false;

  constructor(kafka: Kafka, options: ProducerOptions = {}) {
    this.logger = options.logger ?? createLogger({ name: 'kafka-producer' });
    this.producer = kafka.producer({
      idempotent: true,
      // One request per broker at a time keeps the idempotent sequence numbers in order.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: options.allowAutoTopicCreation ?? false,
      // The Java client's murmur2 partitioner: the same key lands on the same partition from any client.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const compression = (options.compression ?? 'gzip') === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
    this.queue = new SendQueue(
      (batches) => this.deliver(batches, compression),
      (error) => toKafkaError(error, 'producing'),
      {
        lingerMs: options.lingerMs ?? DEFAULT_SEND_QUEUE.lingerMs,
        maxBatchMessages: options.maxBatchMessages ?? DEFAULT_SEND_QUEUE.maxBatchMessages,
        maxBatchBytes: options.maxBatchBytes ?? DEFAULT_SEND_QUEUE.maxBatchBytes,
        deliveryTimeoutMs: options.deliveryTimeoutMs ?? DEFAULT_SEND_QUEUE.deliveryTimeoutMs,
      },
    );
  }

  /** Connects and registers the idempotent producer id; fails with a retriable error when Kafka is down. */
  async connect(): Promise<void> {
    try {
      await this.producer.connect();
      this.connected = true;
    } catch (error) {
      throw toKafkaError(error, 'connecting producer');
    }
  }

  /**
   * Resolves when all messages are acknowledged by all in-sync replicas. Rejects with a KafkaError
   * (retriable when a later attempt can succeed); then some of the messages may have been written.
   */
  send(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return this.queue.enqueue(topic, messages);
  }

  /** Several topics at once (e.g. events and dead letters of one input batch). */
  async sendMany(batches: readonly TopicBatch[]): Promise<void> {
    await Promise.all(batches.map((batch) => this.queue.enqueue(batch.topic, batch.messages)));
  }

  /** Messages accepted but not acknowledged yet: stop taking input while this is high. */
  get pendingMessages(): number {
    return this.queue.pendingMessages;
  }

  /** Sends what is queued without lingering and waits for it. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  /** Flushes, then disconnects. */
  async disconnect(): Promise<void> {
    await this.queue.flush();
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  private async deliver(batches: readonly TopicBatch[], compression: CompressionTypes): Promise<void> {
    if (!this.connected) {
      this.logger.warn('send before connect(): connecting now');
      await this.connect();
    }
    await this.producer.sendBatch({
      acks: -1,
      compression,
      topicMessages: batches.map((batch) => ({
        topic: batch.topic,
        messages: batch.messages.map((message) => ({
          key: message.key ?? null,
          value: message.value,
          ...(message.headers === undefined ? {} : { headers: { ...message.headers } }),
          ...(message.partition === undefined ? {} : { partition: message.partition }),
          ...(message.timestamp === undefined ? {} : { timestamp: message.timestamp }),
        })),
      })),
    });
  }
}

/** A producer on a kafkajs client (call `connect()` before the first send, `disconnect()` at shutdown). */
export function createProducer(kafka: Kafka, options: ProducerOptions = {}): VigilProducer {
  return new VigilProducer(kafka, options);
}
