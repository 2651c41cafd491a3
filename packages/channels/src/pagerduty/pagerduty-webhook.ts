import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncidentCommand } from '@vigil/incidents';
import { z } from 'zod';

/**
 * Verifies `X-PagerDuty-Signature` of a v3 webhook: HMAC-SHA256 of the raw body, hex, as
 * `v1=<hex>`; several comma-separated signatures appear while a secret is being rotated, and
 * any one matching any configured secret is enough. Constant-time comparison.
 */
export function verifyPagerDutySignature(
  rawBody: string | Buffer,
  header: string | undefined,
  secrets: readonly string[],
): boolean {
  if (header === undefined || secrets.length === 0) return false;
  const offered = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return offered.some((sig) => sig.length === expected.length && timingSafeEqual(sig, expected));
  });
}

const webhookSchema = z.object({
  event: z.object({
    id: z.string(),
    event_type: z.string(),
    resource_type: z.string(),
    occurred_at: z.string(),
    agent: z.object({ summary: z.string().optional(), id: z.string().optional() }).nullish(),
    data: z.looseObject({ id: z.string().optional(), incident_key: z.string().nullish() }),
  }),
});

export type PagerDutyWebhookResult =
  /** Verified; `command` is what to do to `incidentId`, absent when the event needs nothing from Vigil. */
  | {
      readonly ok: true;
      readonly eventId: string;
      readonly eventType: string;
      readonly incidentId?: string;
      readonly command?: IncidentCommand;
      readonly ignored?: string;
    }
  | { readonly ok: false; readonly status: 400 | 401; readonly error: string };

const INCIDENT_ID = /^[0-9a-f]{32}$/;

/**
 * A PagerDuty v3 webhook turned into an incident command, as a pure function the API calls with
 * the raw body and header: `incident.acknowledged` → acknowledge, `incident.resolved` → resolve.
 * The incident is found by `data.incident_key`, which is the dedup_key Vigil sent (the incident id).
 */
export function parsePagerDutyWebhook(
  rawBody: string | Buffer,
  signatureHeader: string | undefined,
  secrets: readonly string[],
): PagerDutyWebhookResult {
  if (!verifyPagerDutySignature(rawBody, signatureHeader, secrets)) {
    return { ok: false, status: 401, error: 'missing or invalid X-PagerDuty-Signature' };
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'body is not JSON' };
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      status: 400,
      error: `not a v3 webhook event: ${parsed.error.issues[0]?.message ?? ''}`,
    };
  const { event } = parsed.data;
  const base = { ok: true as const, eventId: event.id, eventType: event.event_type };
  const type =
    event.event_type === 'incident.acknowledged'
      ? 'acknowledge'
      : event.event_type === 'incident.resolved'
        ? 'resolve'
        : undefined;
  if (type === undefined) return { ...base, ignored: `event type ${event.event_type} needs no action` };
  const key = event.data.incident_key ?? undefined;
  if (key === undefined || !INCIDENT_ID.test(key))
    return { ...base, ignored: 'incident_key is not a Vigil incident id' };
  const actor = `pagerduty:${event.agent?.summary ?? event.agent?.id ?? 'unknown'}`;
  return { ...base, incidentId: key, command: { type, actor, note: `via PagerDuty (${event.id})` } };
}
