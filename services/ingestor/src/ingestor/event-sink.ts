import type { TopicBatch } from '@vigil/kafka';

/**
 * Where produced records go: the `VigilProducer` in production. An interface so tests can put a
 * fault in front of the real producer (a failed or slow produce) without mocking Kafka.
 */
export interface EventSink {
  connect(): Promise<void>;
  /** Resolves when every record is acknowledged (acks=all); rejects with a KafkaError otherwise. */
  sendMany(batches: readonly TopicBatch[]): Promise<void>;
  disconnect(): Promise<void>;
}
