import type { Kafka } from '@vigil/kafka';

type DriverConsumer = ReturnType<Kafka['consumer']>;

/**
 * Stage 2 must start each partition it is given at its checkpoint's offset, not at the group's
 * committed one: `@vigil/kafka`'s VigilConsumer has no `seek` yet, so this hands it a client whose
 * `consumer()` remembers the consumer it creates, and seeks through that one. It goes away once
 * VigilConsumer exposes `seek(topic, partition, offset)` (kafkajs' own, valid after `run`).
 */
export class ConsumerSeeker {
  private consumer: DriverConsumer | undefined;
  readonly kafka: Kafka;

  constructor(kafka: Kafka) {
    this.kafka = new Proxy(kafka, {
      get: (target, property, receiver) => {
        if (property !== 'consumer') return Reflect.get(target, property, receiver) as unknown;
        return (config: Parameters<Kafka['consumer']>[0]) => {
          const consumer = target.consumer(config);
          this.consumer = consumer;
          return consumer;
        };
      },
    });
  }

  /** The next fetch of the partition starts at `offset`; batches fetched before are stale. */
  seek(topic: string, partition: number, offset: bigint): void {
    if (this.consumer === undefined) throw new Error('seek before the consumer was created');
    this.consumer.seek({ topic, partition, offset: offset.toString() });
  }
}
