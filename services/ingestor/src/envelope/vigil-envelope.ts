import type { DecodedLine, DecodedMessage } from './decode-raw-message.js';

/** The keys of Vigil's envelope; `@timestamp` is accepted for `received_at` (Fluent Bit's time key). */
const VIGIL_KEYS = new Set(['line', 'host', 'received_at', '@timestamp', 'file', 'dataset']);

/** True when the text has no character but spaces, tabs and line breaks. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * A time as epoch ms: an ISO-8601 string, or a number of epoch seconds (Fluent Bit's float) or
 * milliseconds (anything above 1e11, i.e. after 1973 in ms).
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return Math.round(value < 1e11 ? value * 1000 : value);
  }
  if (typeof value === 'string' && value !== '') {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

const invalid = (reason: string): DecodedMessage => ({
  ok: false,
  code: 'invalid_envelope',
  reason: `Vigil envelope: ${reason}`,
});

/**
 * Vigil's envelope, or undefined when the object is not one (no string `line`, or a key the
 * envelope does not have: then it is a JSON log line of its own). Wrong field types are errors.
 */
export function readVigilEnvelope(
  object: Record<string, unknown>,
  invalidUtf8: boolean,
): DecodedMessage | undefined {
  const line = object['line'];
  if (typeof line !== 'string') return undefined;
  for (const key of Object.keys(object)) if (!VIGIL_KEYS.has(key)) return undefined;
  const decoded: { -readonly [K in keyof DecodedLine]: DecodedLine[K] } = {
    ok: true,
    line,
    invalidUtf8,
    envelope: 'vigil',
  };
  for (const key of ['host', 'file', 'dataset'] as const) {
    const value = object[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return invalid(`"${key}" must be a string`);
    if (value !== '') decoded[key] = value;
  }
  const time = object['received_at'] ?? object['@timestamp'];
  if (time !== undefined && time !== null) {
    const ms = toEpochMs(time);
    if (ms === undefined)
      return invalid('"received_at" must be an ISO-8601 time or epoch seconds/milliseconds');
    decoded.receivedAt = ms;
  }
  return decoded;
}
