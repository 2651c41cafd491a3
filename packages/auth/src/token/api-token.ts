import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every Vigil API token starts with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'vgl';
const TOKEN_FORMAT = /^vgl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewApiToken {
  /** Public lookup id (not secret): stored, listed, written to the audit trail. */
  readonly id: string;
  /** The whole token, shown to its owner exactly once and never stored. */
  readonly token: string;
  /** sha256 of the secret part, hex: what is stored. */
  readonly hash: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A new machine token: a 6-byte id for lookup and 32 random bytes of secret. A fast hash is right
 * here (unlike passwords): the secret has 256 bits of entropy, so there is nothing to brute-force.
 */
export function generateApiToken(): NewApiToken {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${TOKEN_PREFIX}_${id}_${secret}`, hash: sha256Hex(secret) };
}

/** Splits a presented token into its id and the hash of its secret; undefined when malformed. */
export function parseApiToken(token: string): { id: string; hash: string } | undefined {
  const match = TOKEN_FORMAT.exec(token);
  if (match === null) return undefined;
  return { id: match[1] ?? '', hash: sha256Hex(match[2] ?? '') };
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
