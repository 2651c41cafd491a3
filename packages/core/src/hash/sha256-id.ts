import { createHash } from 'node:crypto';

/** A deterministic id from parts, sha256 truncated to 32 hex characters (128 bits). */
export function sha256Id(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u001f');
  }
  return hash.digest('hex').slice(0, 32);
}
