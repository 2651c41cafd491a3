import { describe, expect, it } from 'vitest';
import { silenceSchema } from './silence.schema.js';
import { expireSilence, silencedBy } from './silenced-by.js';

const silence = silenceSchema.parse({
  id: 's1',
  matchers: ['entity="203.0.113.7"', 'rule_id=~"ssh-.*"'],
  starts_at: '2026-03-01T10:00:00Z',
  ends_at: '2026-03-01T12:00:00Z',
  created_by: 'alice',
  comment: 'pen test',
});
const labels = { entity: ['203.0.113.7'], rule_id: ['ssh-brute-force'] };

describe('silences', () => {
  it('mute matching incidents only while active', () => {
    expect(silencedBy(labels, [silence], new Date('2026-03-01T11:00:00Z'))).toEqual(['s1']);
    expect(silencedBy(labels, [silence], new Date('2026-03-01T09:59:59Z'))).toEqual([]);
    expect(silencedBy(labels, [silence], new Date('2026-03-01T12:00:00Z'))).toEqual([]);
    expect(
      silencedBy({ ...labels, entity: ['198.51.100.1'] }, [silence], new Date('2026-03-01T11:00:00Z')),
    ).toEqual([]);
  });

  it('expire at once', () => {
    const now = new Date('2026-03-01T11:00:00Z');
    const expired = expireSilence(silence, now);
    expect(silenceSchema.safeParse(expired).success).toBe(true);
    expect(silencedBy(labels, [expired], now)).toEqual([]);
    const future = expireSilence(
      { ...silence, starts_at: '2026-03-02T00:00:00Z', ends_at: '2026-03-03T00:00:00Z' },
      now,
    );
    expect(silenceSchema.safeParse(future).success).toBe(true);
    expect(silencedBy(labels, [future], new Date('2026-03-02T12:00:00Z'))).toEqual([]);
  });

  it('are validated: matchers and a forward window', () => {
    expect(silenceSchema.safeParse({ ...silence, matchers: ['nope'] }).success).toBe(false);
    expect(silenceSchema.safeParse({ ...silence, ends_at: silence.starts_at }).success).toBe(false);
    expect(silenceSchema.safeParse({ ...silence, matchers: [] }).success).toBe(false);
  });
});
