import { describe, expect, it } from 'vitest';
import { stableId } from './stable-id.js';

describe('stableId', () => {
  it('is deterministic, 16 hex chars, and separates parts', () => {
    expect(stableId('a', 'b')).toBe(stableId('a', 'b'));
    expect(stableId('a', 'b')).toMatch(/^[0-9a-f]{16}$/);
    expect(stableId('ab', 'c')).not.toBe(stableId('a', 'bc'));
  });

  it('keeps the exact values event ids (and the alert ids built from them) were made with', () => {
    expect(stableId()).toBe('5db4a5019c72cb32');
    expect(stableId('')).toBe('3f675503484a8530');
    expect(stableId('a', 'b')).toBe('42c82055e658ec54');
    expect(
      stableId(
        'system.auth',
        '2026-11-27T08:00:00.407000+00:00 app-02 sshd[26517]: pam_unix(sshd:session): session opened for user bob(uid=1001) by (uid=0)',
        'app-02',
        '0',
      ),
    ).toBe('d5ffd18d07788d9a');
    expect(stableId('é✓😀', '\u0000\uffff')).toBe('f469e6d1e711fa8e');
  });

  it('has no collisions over 200k distinct sshd-like lines', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      seen.add(stableId(`Failed password for root from 10.0.${i >> 8}.${i & 255} port ${i % 65535} ssh2`));
    }
    expect(seen.size).toBe(200_000);
  });
});
