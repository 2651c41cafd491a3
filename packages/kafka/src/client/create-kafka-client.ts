import { createLogger, type Logger } from '@vigil/core';
import { Kafka, type KafkaConfig as KafkaJsConfig, type RetryOptions as KafkaJsRetryOptions } from 'kafkajs';
import type { KafkaConfig } from '../config/kafka-config.schema.js';
import { kafkaLogLevelFor, pinoLogCreator } from './pino-log-creator.js';

export interface CreateKafkaClientOptions {
  readonly logger?: Logger;
  /** kafkajs' own retry loop for connections and requests (not the consumer handler's). */
  readonly retry?: KafkaJsRetryOptions;
}

/** The retry loop kafkajs runs around requests: a few seconds in all before a caller sees the error. */
export const DEFAULT_KAFKAJS_RETRY: KafkaJsRetryOptions = {
  initialRetryTime: 200,
  retries: 6,
  maxRetryTime: 5_000,
};

/** A kafkajs client for a `KafkaConfig`, logging through pino. One per process is enough. */
export function createKafkaClient(config: KafkaConfig, options: CreateKafkaClientOptions = {}): Kafka {
  const logger = options.logger ?? createLogger({ name: config.clientId });
  const kafkaConfig: KafkaJsConfig = {
    clientId: config.clientId,
    brokers: [...config.brokers],
    retry: options.retry ?? DEFAULT_KAFKAJS_RETRY,
    logLevel: kafkaLogLevelFor(logger),
    logCreator: pinoLogCreator(logger),
    ...(config.connectionTimeoutMs === undefined ? {} : { connectionTimeout: config.connectionTimeoutMs }),
    ...(config.requestTimeoutMs === undefined ? {} : { requestTimeout: config.requestTimeoutMs }),
    ...(config.ssl === undefined ? {} : { ssl: { rejectUnauthorized: config.ssl.rejectUnauthorized } }),
    ...(config.sasl === undefined
      ? {}
      : {
          sasl:
            config.sasl.mechanism === 'plain'
              ? { mechanism: 'plain', username: config.sasl.username, password: config.sasl.password }
              : config.sasl.mechanism === 'scram-sha-256'
                ? {
                    mechanism: 'scram-sha-256',
                    username: config.sasl.username,
                    password: config.sasl.password,
                  }
                : {
                    mechanism: 'scram-sha-512',
                    username: config.sasl.username,
                    password: config.sasl.password,
                  },
        }),
  };
  return new Kafka(kafkaConfig);
}
