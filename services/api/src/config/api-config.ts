import { env } from '@vigil/core';
import { z } from 'zod';

/** The API's environment variables (see the README's table). */
export const apiEnvSchema = z.object({
  VIGIL_API_HOST: z.string().default('127.0.0.1'),
  VIGIL_API_PORT: env.port(8080),
  /** `elastic`: Elasticsearch + Kafka; `memory`: everything in process (demo, tests). */
  VIGIL_API_BACKEND: z.enum(['elastic', 'memory']).default('elastic'),
  /** Where audit records go: Kafka `vigil.raw.admin`, stdout, or a file (VIGIL_API_AUDIT_FILE). */
  VIGIL_API_AUDIT: z.enum(['kafka', 'stdout', 'file']).default('kafka'),
  VIGIL_API_AUDIT_FILE: z.string().default('.vigil/audit.log'),
  /**
   * Where users and API tokens (hashes) live: `redis` (shared by every instance; the default with the
   * `elastic` backend) or `file` (VIGIL_API_AUTH_FILE, one instance; the default with `memory`).
   */
  VIGIL_API_AUTH_STORE: z.enum(['redis', 'file']).optional(),
  /** Users and API tokens (hashes), a JSON file readable only by the API's user. */
  VIGIL_API_AUTH_FILE: z.string().default('.vigil/auth.json'),
  /** With no users yet, create this admin and print its one-time password and TOTP secret. */
  VIGIL_API_BOOTSTRAP_ADMIN: z.string().optional(),
  /** Proxies whose X-Forwarded-For is believed: `true`, or comma-separated addresses/CIDRs. Default: none. */
  VIGIL_API_TRUST_PROXY: z.string().default(''),
  VIGIL_API_HSTS: env.bool(false),
  VIGIL_API_CONSOLE_DIR: z.string().optional(),
  /** The Redis hash of silences, shared with the notifier (its VIGIL_NOTIFIER_SILENCES_KEY). */
  VIGIL_API_SILENCES_KEY: z.string().min(1).default('silences'),
  VIGIL_API_RULES_DIRS: env.list('rules'),
  VIGIL_API_LIVE_BUFFER: env.int(1000, 10),
  VIGIL_API_SESSION_HOURS: env.int(12, 1),
  VIGIL_API_IDLE_MINUTES: env.int(30, 1),
  /** scrypt cost as log2(N): 17 by default (OWASP); lower only for tests. */
  VIGIL_API_SCRYPT_LOG_N: env.int(17, 10),
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export function trustProxyOf(value: string): boolean | string {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value;
}
