import { describe, expect, it } from 'vitest';
import { stableId } from './stable-id.js';

describe('stableId', () => {
  it('is deterministic, 16 hex chars, and separates parts', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
  });

  it('has no collisions over 200k distinct sshd-like lines', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      seen.add(stableId(`Failed password for root from 10.0.${i >> 8}.${i & 255} port ${i % 65535} ssh2`));
    }
    expect(seen.size).toBe(200_000);
  });
});
