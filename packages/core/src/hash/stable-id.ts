/** Char codes of '0'-'9a-f', indexed by nibble. */
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

function nib(n: number, shift: number): number {
  return HEX[(n >>> shift) & 15] ?? 48;
}

/**
 * A fast, deterministic 64-bit id (two 32-bit FNV-1a style lanes) as 16 hex characters.
 * Used for event ids on the hot path, where a cryptographic hash would cost more than the parse.
 * Not for anything an attacker must not be able to collide: alert and incident ids use sha256.
 * The output is part of the contract (alert ids hash event ids): the golden values in the test pin it.
 */
export function stableId(...parts: readonly string[]): string {
  // `| 0` keeps both lanes int32 from the start (0x811c9dc5 alone is a double), so the loop stays in integer registers.
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] ?? '';
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    // A separator so that ('ab','c') and ('a','bc') differ.
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 ^= h2 >>> 16;
  h2 = Math.imul(h2, 0xc2b2ae35);
  h2 ^= h2 >>> 13;
  // One allocation; Number#toString(16) + padStart cost more than the hashing of a whole line.
  return String.fromCharCode(
    nib(h1, 28),
    nib(h1, 24),
    nib(h1, 20),
    nib(h1, 16),
    nib(h1, 12),
    nib(h1, 8),
    nib(h1, 4),
    nib(h1, 0),
    nib(h2, 28),
    nib(h2, 24),
    nib(h2, 20),
    nib(h2, 16),
    nib(h2, 12),
    nib(h2, 8),
    nib(h2, 4),
    nib(h2, 0),
  );
}
