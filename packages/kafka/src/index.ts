export {
  kafkaEnvSchema,
  SASL_MECHANISMS,
  type KafkaConfig,
  type KafkaSaslConfig,
  type SaslMechanism,
} from './config/kafka-config.schema.js';
export { loadKafkaConfig, redactKafkaConfig } from './config/load-kafka-config.js';
export {
  createKafkaClient,
  DEFAULT_KAFKAJS_RETRY,
  type CreateKafkaClientOptions,
} from './client/create-kafka-client.js';
export { pinoLogCreator, pinoLevelOf, kafkaLogLevelFor } from './client/pino-log-creator.js';
export {
  KafkaError,
  KafkaConnectionError,
  KafkaProtocolError,
  KafkaAuthenticationError,
} from './error/kafka-error.js';
export { toKafkaError } from './error/to-kafka-error.js';
export { jsonMessage, type OutgoingMessage } from './producer/outgoing-message.js';
export { KafkaDeliveryTimeoutError, type SendQueueOptions, type TopicBatch } from './producer/send-queue.js';
export {
  createProducer,
  VigilProducer,
  DEFAULT_SEND_QUEUE,
  type ProducerOptions,
} from './producer/vigil-producer.js';
export { createConsumer, VigilConsumer, type ConsumerEvents } from './consumer/vigil-consumer.js';
export type {
  BatchContext,
  BatchHandler,
  ConsumedBatch,
  ConsumedMessage,
  ConsumerOptions,
  PartitionListener,
} from './consumer/consumer-options.js';
export { consumerTuning, type ConsumerTuning } from './consumer/consumer-tuning.js';
export { nextOffset, type TopicPartition } from './consumer/partition-set.js';
export { createAdmin, VigilAdmin, type EnsureTopicsResult, type TopicSpec } from './admin/vigil-admin.js';
export { computeLag, type PartitionLag } from './admin/compute-lag.js';
export type { Kafka } from 'kafkajs';
