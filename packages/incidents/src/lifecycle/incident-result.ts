import type { Incident } from '@vigil/schema';

export type IncidentErrorCode = 'INVALID_TRANSITION' | 'INVALID_ACTION';

/** An expected refusal, as data: `status` is the HTTP status an API should answer with. */
export interface IncidentError {
  readonly code: IncidentErrorCode;
  readonly message: string;
  readonly status: 409 | 422;
}

/** `changed: false` means the action was already in effect (e.g. acknowledging an acknowledged incident). */
export type IncidentResult =
  | { readonly ok: true; readonly incident: Incident; readonly changed: boolean }
  | { readonly ok: false; readonly error: IncidentError };

export function invalidTransition(incident: Incident, action: string, why: string): IncidentResult {
  return {
    ok: false,
    error: {
      code: 'INVALID_TRANSITION',
      message: `cannot ${action} incident ${incident.id}: it is ${incident.state}${why === '' ? '' : ` (${why})`}`,
      status: 409,
    },
  };
}

export function invalidAction(message: string): IncidentResult {
  return { ok: false, error: { code: 'INVALID_ACTION', message, status: 422 } };
}
