import { env } from '@vigil/core';
import { z } from 'zod';

/** The environment variables of the Elasticsearch connection and index layout. */
export const elasticEnvSchema = z
  .object({
    VIGIL_ES_URL: env.url('http://127.0.0.1:9200'),
    VIGIL_ES_API_KEY: z.string().min(1).optional(),
    VIGIL_ES_USERNAME: z.string().min(1).optional(),
    VIGIL_ES_PASSWORD: z.string().min(1).optional(),
    VIGIL_ES_REQUEST_TIMEOUT_MS: env.int(30_000, 1),
    /** Index names start with it: `vigil-events-2024.05.01`, `vigil-incidents`. */
    VIGIL_ES_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _')
      .default('vigil'),
    VIGIL_ES_SHARDS: env.int(1, 1),
    /** 0 on a single node (the local stack); 1 or more on a cluster. */
    VIGIL_ES_REPLICAS: env.int(0, 0),
    VIGIL_ES_RETENTION_EVENTS_DAYS: env.int(30, 1),
    VIGIL_ES_RETENTION_ALERTS_DAYS: env.int(365, 1),
    VIGIL_ES_RETENTION_NOTIFICATIONS_DAYS: env.int(90, 1),
  })
  .superRefine((value, ctx) => {
    const basic = value.VIGIL_ES_USERNAME !== undefined || value.VIGIL_ES_PASSWORD !== undefined;
    if (basic && (value.VIGIL_ES_USERNAME === undefined || value.VIGIL_ES_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.VIGIL_ES_USERNAME === undefined ? 'VIGIL_ES_USERNAME' : 'VIGIL_ES_PASSWORD'],
        message: 'VIGIL_ES_USERNAME and VIGIL_ES_PASSWORD go together',
      });
    }
    if (basic && value.VIGIL_ES_API_KEY !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['VIGIL_ES_API_KEY'],
        message: 'use either an API key or a username/password',
      });
    }
  });

export type ElasticAuth =
  { readonly apiKey: string } | { readonly username: string; readonly password: string };

/** Days to keep each daily index family; incidents are kept until deleted by people. */
export interface RetentionDays {
  readonly events: number;
  readonly alerts: number;
  readonly notifications: number;
}

export interface ElasticConfig {
  readonly url: string;
  readonly auth?: ElasticAuth;
  readonly requestTimeoutMs: number;
  readonly indexPrefix: string;
  readonly shards: number;
  readonly replicas: number;
  readonly retentionDays: RetentionDays;
}
