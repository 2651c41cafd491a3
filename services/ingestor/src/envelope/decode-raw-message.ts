/**
 * A raw-topic message value → the log line and what the shipper said about it. A value is either
 * the line itself, or a JSON envelope around it (see the README, "Message format"):
 *
 * - Vigil's own: `{"line": "...", "host": "web-01", "received_at": "2026-11-27T08:00:00Z",
 *   "file": "/var/log/auth.log", "dataset": "system.auth"}`; only `line` is required, and an object
 *   with any other key is not taken for an envelope (it is a JSON log line, e.g. CloudTrail).
 * - What Filebeat, Elastic Agent and Vector send: a string `message` beside shipper metadata
 *   (`@metadata`, `agent`, `ecs`, `host`, `log.file.path`, `source_type`); JSON application logs
 *   with a `message` but none of these stay lines.
 */
import { isUtf8 } from 'node:buffer';
import { readShipperEnvelope } from './shipper-envelope.js';
import { isBlank, readVigilEnvelope } from './vigil-envelope.js';

export interface DecodedLine {
  readonly ok: true;
  readonly line: string;
  /** The value was not valid UTF-8: it was decoded with U+FFFD replacements. */
  readonly invalidUtf8: boolean;
  readonly envelope: 'none' | 'vigil' | 'shipper';
  readonly host?: string;
  /** When the shipper received the line, epoch ms. */
  readonly receivedAt?: number;
  readonly file?: string;
  readonly dataset?: string;
}

export type DecodeFailureCode = 'empty_message' | 'invalid_envelope';

export interface DecodeFailure {
  readonly ok: false;
  readonly code: DecodeFailureCode;
  readonly reason: string;
}

export type DecodedMessage = DecodedLine | DecodeFailure;

const EMPTY_OBJECT = /^\s*\{\s*\}\s*$/;

/** Where a JSON object starts, or -1 when the text does not start (after blanks) with `{`. */
function objectStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) return i;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return -1;
  }
  return -1;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    // Not JSON after all (e.g. truncated): the parser reports it as a line.
    return undefined;
  }
}

export function decodeRawMessage(value: Buffer | null): DecodedMessage {
  if (value === null || value.length === 0) {
    return { ok: false, code: 'empty_message', reason: 'empty message value (or a tombstone)' };
  }
  const invalidUtf8 = !isUtf8(value);
  const text = value.toString('utf8');
  const plain: DecodedLine = { ok: true, line: text, invalidUtf8, envelope: 'none' };
  if (objectStart(text) >= 0) {
    if (text.length < 64 && EMPTY_OBJECT.test(text)) {
      return { ok: false, code: 'empty_message', reason: 'an empty JSON object carries no line' };
    }
    // Cheap pre-check: only values that can be envelopes pay for a second JSON parse.
    const maybeVigil = text.includes('"line"');
    if (maybeVigil || text.includes('"message"')) {
      const object = parseObject(text);
      if (object !== undefined) {
        const decoded =
          (maybeVigil ? readVigilEnvelope(object, invalidUtf8) : undefined) ??
          readShipperEnvelope(object, invalidUtf8);
        if (decoded !== undefined) {
          if (decoded.ok && isBlank(decoded.line)) {
            return {
              ok: false,
              code: 'empty_message',
              reason: `the ${decoded.envelope} envelope's line is empty`,
            };
          }
          return decoded;
        }
      }
    }
  }
  if (isBlank(text)) return { ok: false, code: 'empty_message', reason: 'blank line' };
  return plain;
}
