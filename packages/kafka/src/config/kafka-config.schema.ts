import { env } from '@vigil/core';
import { z } from 'zod';

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** The environment variables of a Kafka connection; keys are variable names (see `loadConfig`). */
export const kafkaEnvSchema = z
  .object({
    VIGIL_KAFKA_BROKERS: env
      .list('127.0.0.1:9092')
      .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/)).min(1)),
    VIGIL_KAFKA_CLIENT_ID: z.string().min(1).default('vigil'),
    VIGIL_KAFKA_SSL: env.bool(false),
    /** Only for test clusters with self-signed certificates. */
    VIGIL_KAFKA_SSL_REJECT_UNAUTHORIZED: env.bool(true),
    VIGIL_KAFKA_SASL_MECHANISM: z.enum(SASL_MECHANISMS).optional(),
    VIGIL_KAFKA_SASL_USERNAME: z.string().optional(),
    VIGIL_KAFKA_SASL_PASSWORD: z.string().optional(),
    VIGIL_KAFKA_CONNECTION_TIMEOUT_MS: env.int(3_000, 1),
    VIGIL_KAFKA_REQUEST_TIMEOUT_MS: env.int(30_000, 1),
  })
  .superRefine((value, ctx) => {
    if (value.VIGIL_KAFKA_SASL_MECHANISM === undefined) return;
    for (const key of ['VIGIL_KAFKA_SASL_USERNAME', 'VIGIL_KAFKA_SASL_PASSWORD'] as const) {
      if (value[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'required when VIGIL_KAFKA_SASL_MECHANISM is set',
        });
      }
    }
  });

export interface KafkaSaslConfig {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  readonly password: string;
}

/** A resolved Kafka connection: what `createKafkaClient` takes. */
export interface KafkaConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly ssl?: { readonly rejectUnauthorized: boolean };
  readonly sasl?: KafkaSaslConfig;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}
