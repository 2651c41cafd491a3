import { describe, expect, it } from 'vitest';
import { generateApiToken, hashesEqual, parseApiToken } from './api-token.js';

describe('API tokens', () => {
  it('are prefixed, carry 32 random bytes, and store only a hash', () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^vgl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token).not.toContain(a.hash);
    const parsed = parseApiToken(a.token);
    expect(parsed?.id).toBe(a.id);
    expect(hashesEqual(parsed?.hash ?? '', a.hash)).toBe(true);
    expect(hashesEqual(parseApiToken(b.token)?.hash ?? '', a.hash)).toBe(false);
  });

  it('refuses malformed tokens', () => {
    expect(parseApiToken('vgl_123_abc')).toBeUndefined();
    expect(parseApiToken('Bearer vgl_000000000000_' + 'a'.repeat(43))).toBeUndefined();
    expect(hashesEqual('', '')).toBe(false);
  });
});
