import { loadConfig } from '@vigil/core';
import { kafkaEnvSchema, type KafkaConfig } from './kafka-config.schema.js';

/** Reads `VIGIL_KAFKA_*` (validated, all problems reported at once) into a `KafkaConfig`. */
export function loadKafkaConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
): KafkaConfig {
  const vars = loadConfig(kafkaEnvSchema, source);
  const mechanism = vars.VIGIL_KAFKA_SASL_MECHANISM;
  const username = vars.VIGIL_KAFKA_SASL_USERNAME;
  const password = vars.VIGIL_KAFKA_SASL_PASSWORD;
  return {
    brokers: vars.VIGIL_KAFKA_BROKERS,
    clientId: vars.VIGIL_KAFKA_CLIENT_ID,
    connectionTimeoutMs: vars.VIGIL_KAFKA_CONNECTION_TIMEOUT_MS,
    requestTimeoutMs: vars.VIGIL_KAFKA_REQUEST_TIMEOUT_MS,
    ...(vars.VIGIL_KAFKA_SSL
      ? { ssl: { rejectUnauthorized: vars.VIGIL_KAFKA_SSL_REJECT_UNAUTHORIZED } }
      : {}),
    // The schema's refinement guarantees username and password whenever a mechanism is set.
    ...(mechanism !== undefined && username !== undefined && password !== undefined
      ? { sasl: { mechanism, username, password } }
      : {}),
  };
}

/** The config with its secret replaced, safe to log or print. */
export function redactKafkaConfig(config: KafkaConfig): KafkaConfig {
  if (config.sasl === undefined) return config;
  return { ...config, sasl: { ...config.sasl, password: '[redacted]' } };
}
