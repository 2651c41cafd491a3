import { VigilError } from '@vigil/core';

/**
 * A Kafka failure as a VigilError. `retriable` is kafkajs' own verdict (its errors carry `.retriable`),
 * except that an exhausted kafkajs retry loop is retriable when its cause was: kafkajs gave up, but a
 * caller that backs off for longer (Kafka restarting) can still succeed.
 */
export class KafkaError extends VigilError {
  /** The kafkajs error class name, e.g. `KafkaJSConnectionError`. */
  readonly kafkaName: string;
  /** The Kafka protocol error type, e.g. `REBALANCE_IN_PROGRESS`, when the broker sent one. */
  readonly kafkaType: string | undefined;

  constructor(
    message: string,
    options: { code: string; retriable: boolean; cause: unknown; kafkaName: string; kafkaType?: string },
  ) {
    super(message, { code: options.code, retriable: options.retriable, cause: options.cause });
    this.kafkaName = options.kafkaName;
    this.kafkaType = options.kafkaType;
  }
}

/** The broker could not be reached, or a connection or request timed out. */
export class KafkaConnectionError extends KafkaError {}

/** The broker answered with a protocol error code (`kafkaType` names it). */
export class KafkaProtocolError extends KafkaError {}

/** SASL authentication failed: a configuration problem, never retriable. */
export class KafkaAuthenticationError extends KafkaError {}
