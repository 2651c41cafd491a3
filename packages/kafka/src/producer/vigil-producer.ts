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
 * kafkajs' retries for one produce request, sized so that they give up about when the delivery
 * timeout expires. kafkajs would retry an idempotent producer's request forever by default, and a
 * request that never ends (a deleted topic, a long outage) would block every later send of this
 * producer, since only one is in flight. Giving up re-opens the door to duplicates on a later send,
 * which at-least-once delivery accepts (consumers dedupe by event id).
 */
export function producerRetry(deliveryTimeoutMs: number): {
  initialRetryTime: number;
  maxRetryTime: number;
  retries: number;
} {
  const initialRetryTime = Math.min(200, Math.max(10, Math.floor(deliveryTimeoutMs / 20)));
  const maxRetryTime = Math.max(initialRetryTime, Math.min(5_000, Math.floor(deliveryTimeoutMs / 4)));
  // The doubling delays up to maxRetryTime, then steady ones until the timeout is used up.
  let retries = 0;
  let spent = 0;
  for (
    let delay = initialRetryTime;
    spent + delay <= deliveryTimeoutMs;
    delay = Math.min(delay * 2, maxRetryTime)
  ) {
    spent += delay;
    retries++;
  }
  return { initialRetryTime, maxRetryTime, retries: Math.max(1, retries) };
}

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
    const deliveryTimeoutMs = options.deliveryTimeoutMs ?? DEFAULT_SEND_QUEUE.deliveryTimeoutMs;
    this.producer = kafka.producer({
      idempotent: true,
      retry: producerRetry(deliveryTimeoutMs),
      // One request per broker at a time keeps the idempotent sequence numbers in order.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: options.allowAutoTopicCreation ?? false,
      // The Java client's murmur2 partitioner: the same key lands on the same partition from any client.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const compression =
      (options.compression ?? 'gzip') === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
    this.queue = new SendQueue(
      (batches) => this.deliver(batches, compression),
      (error) => toKafkaError(error, 'producing'),
      {
        lingerMs: options.lingerMs ?? DEFAULT_SEND_QUEUE.lingerMs,
        maxBatchMessages: options.maxBatchMessages ?? DEFAULT_SEND_QUEUE.maxBatchMessages,
        maxBatchBytes: options.maxBatchBytes ?? DEFAULT_SEND_QUEUE.maxBatchBytes,
        deliveryTimeoutMs,
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
