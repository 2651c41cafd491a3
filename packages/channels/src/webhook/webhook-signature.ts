import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-vigil-signature';
export const TIMESTAMP_HEADER = 'x-vigil-timestamp';
export const DELIVERY_HEADER = 'x-vigil-delivery';

/**
 * `v1=` + hex HMAC-SHA256(secret, `${timestamp}.${body}`), timestamp in Unix seconds. Signing the
 * timestamp with the body lets receivers reject replays older than their tolerance.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookVerification = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * What a receiver does: check the timestamp is recent (default ±300 s) and that some `v1=`
 * signature in the header (comma-separated, for secret rotation) matches, in constant time.
 */
export function verifyWebhook(options: {
  readonly secret: string;
  readonly body: string | Buffer;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly now?: Date;
  readonly toleranceSeconds?: number;
}): WebhookVerification {
  const { timestamp, signature } = options;
  if (timestamp === undefined || !/^\d+$/.test(timestamp))
    return { ok: false, reason: 'missing or malformed timestamp' };
  if (signature === undefined) return { ok: false, reason: 'missing signature' };
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceSeconds ?? 300))
    return { ok: false, reason: 'timestamp outside tolerance' };
  const body = typeof options.body === 'string' ? options.body : options.body.toString('utf8');
  const expected = Buffer.from(signWebhook(options.secret, Number(timestamp), body));
  const match = signature
    .split(',')
    .map((s) => Buffer.from(s.trim()))
    .some((offered) => offered.length === expected.length && timingSafeEqual(offered, expected));
  return match ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
