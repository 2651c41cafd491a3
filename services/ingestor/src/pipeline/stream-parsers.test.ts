import { describe, expect, it } from 'vitest';
import { StreamParsers } from './stream-parsers.js';

const HEADER = [
  '#separator \\x09',
  '#path\tconn',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto',
];
const RECORD = '1795766400.000000\tCabc1\t10.0.0.5\t51000\t10.0.0.10\t22\ttcp';

describe('StreamParsers', () => {
  it('keeps one parser, with its own stream state, per topic and partition', () => {
    const parsers = new StreamParsers({ timezone: 'UTC', maxLineBytes: 65_536 });
    const p0 = parsers.get('raw', 0);
    expect(parsers.get('raw', 0)).toBe(p0);
    for (const line of HEADER) p0.parse(line);
    expect(p0.parse(RECORD).ok).toBe(true);
    // The Zeek header seen on partition 0 says nothing about partition 1 or another topic.
    expect(parsers.get('raw', 1).parse(RECORD)).toMatchObject({ ok: false });
    expect(parsers.get('other', 0).parse(RECORD)).toMatchObject({ ok: false });
    expect(parsers.size).toBe(3);
  });

  it('forgets revoked partitions: one that comes back starts a fresh stream', () => {
    const parsers = new StreamParsers({ timezone: 'UTC', maxLineBytes: 65_536 });
    const before = parsers.get('raw', 0);
    for (const line of HEADER) before.parse(line);
    parsers.drop([{ topic: 'raw', partition: 0 }]);
    expect(parsers.size).toBe(0);
    expect(parsers.get('raw', 0).parse(RECORD)).toMatchObject({ ok: false });
  });

  it('applies the configured year and zone to RFC 3164 timestamps', () => {
    const parsers = new StreamParsers({ timezone: 'Europe/Berlin', year: 2024, maxLineBytes: 65_536 });
    const outcome = parsers
      .get('raw', 0)
      .parse('Jul  1 12:00:00 h sshd[1]: Invalid user a from 1.2.3.4 port 5');
    expect(outcome.ok && outcome.events[0]?.['@timestamp']).toBe('2024-07-01T10:00:00.000Z');
  });
});
