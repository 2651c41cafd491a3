import { z } from 'zod';

/**
 * One line of Vigil's admin audit trail (JSON). Vigil ingests it back through `vigil.raw.admin`,
 * so its own rules watch what its administrators do. `vigil_audit` is the format version.
 */
export const auditRecordSchema = z.object({
  '@timestamp': z.iso.datetime({ offset: true }),
  vigil_audit: z.literal(1),
  actor: z.object({ name: z.string(), roles: z.array(z.string()) }),
  /** Dotted verb, e.g. `incident.acknowledge`, `silence.create`, `auth.login`, `token.create`. */
  action: z.string().min(1),
  target: z.object({ type: z.string(), id: z.string().optional(), name: z.string().optional() }),
  source: z.object({ ip: z.string() }),
  mfa: z.boolean(),
  outcome: z.enum(['success', 'failure']),
  /** A hash of the session id, never the id itself (it is a credential). Absent for token calls. */
  session: z.object({ id: z.string() }).optional(),
  request: z.object({ method: z.string(), path: z.string() }),
  /** Why a failure failed, in a stable code (`invalid_credentials`, `forbidden`, …). */
  reason: z.string().optional(),
});

export type AuditRecord = z.infer<typeof auditRecordSchema>;

/** Where audit records go: a file or stdout, Kafka (`vigil.raw.admin`), memory for tests. */
export interface AuditSink {
  write(record: AuditRecord): Promise<void>;
  close?(): Promise<void>;
}
