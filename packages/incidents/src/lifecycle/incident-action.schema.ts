import { z } from 'zod';
import type { Alert } from '@vigil/schema';

const actor = z.string().min(1).max(200);
const note = z.string().min(1).max(10_000);

/**
 * What people (through the API) and integrations (PagerDuty webhooks) may do to an incident.
 * The API validates request bodies with this schema and hands the result to `reduceIncident`.
 */
export const incidentCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge'), actor, note: note.optional() }),
  z.object({ type: z.literal('resolve'), actor, note: note.optional() }),
  z.object({ type: z.literal('false_positive'), actor, note: note.optional() }),
  z.object({ type: z.literal('reopen'), actor, note: note.optional() }),
  z.object({ type: z.literal('assign'), actor, assignee: z.string().min(1).max(200).nullable() }),
  z.object({ type: z.literal('note'), actor, note }),
  z.object({
    type: z.literal('set_severity'),
    actor,
    /** null clears the override: severity goes back to the highest alert's. */
    severity: z.number().int().min(0).max(100).nullable(),
    note: note.optional(),
  }),
]);

export type IncidentCommand = z.infer<typeof incidentCommandSchema>;

/** Changes the notifier makes itself. */
export type SystemAction =
  | { readonly type: 'attach_alert'; readonly actor: string; readonly alert: Alert }
  | {
      readonly type: 'record_escalation';
      readonly actor: string;
      readonly level: number;
      readonly targets: readonly string[];
    }
  | {
      readonly type: 'record_notification';
      readonly actor: string;
      readonly receiver: string;
      readonly outcome: string;
    };

export type IncidentAction = IncidentCommand | SystemAction;
