import { describe, expect, it } from 'vitest';
import { createLineParser } from '../line/create-line-parser.js';
import { field, parseOne, TEST_NOW } from '../testing/parse-one.js';

describe('syslog envelopes', () => {
  it('reads RFC 3164 with space-padded, zero-padded and unpadded days', () => {
    for (const [line, ts] of [
      ['Feb  1 03:04:05 host prog[12]: hello', '2024-02-01T03:04:05.000Z'],
      ['Feb 01 03:04:05 host prog[12]: hello', '2024-02-01T03:04:05.000Z'],
      ['Feb 1 03:04:05 host prog[12]: hello', '2024-02-01T03:04:05.000Z'],
    ] as const) {
      const ev = parseOne(line, { year: 2024 });
      expect(ev['@timestamp']).toBe(ts);
      expect(ev.host?.hostname).toBe('host');
      expect(ev.process).toEqual({ name: 'prog', pid: 12 });
      expect(ev.message).toBe('hello');
      expect(ev.event.dataset).toBe('syslog');
    }
  });

  it('reads RFC 5424 with structured data and converts the offset to UTC', () => {
    const ev = parseOne(
      '<38>1 2022-01-19T14:23:55.123456+02:00 fw.example sshd 44255 ID47 [meta sequenceId="1" x="a\\]b"] Invalid user tutu from 1.2.3.4 port 33166',
    );
    expect(ev['@timestamp']).toBe('2022-01-19T12:23:55.123Z');
    expect(ev.log?.syslog).toMatchObject({
      priority: 38,
      version: '1',
      msgid: 'ID47',
      hostname: 'fw.example',
      appname: 'sshd',
      procid: '44255',
    });
    expect(field(ev, 'log.syslog.facility')).toEqual({ code: 4, name: 'auth' });
    expect(field(ev, 'log.syslog.structured_data')).toBe('[meta sequenceId="1" x="a\\]b"]');
    expect(ev.event.action).toBe('ssh_login');
    expect(ev.user?.name).toBe('tutu');
  });

  it('reads ISO-8601 prefixed lines (rsyslog file format), with T or a space', () => {
    expect(parseOne('2024-01-02T03:04:05.123456+00:00 host prog[1]: x')['@timestamp']).toBe(
      '2024-01-02T03:04:05.123Z',
    );
    expect(parseOne('2020-03-23 06:47:42.801612-0700  localhost sshd[3186]: x')['@timestamp']).toBe(
      '2020-03-23T13:47:42.801Z',
    );
  });

  it('accepts a missing hostname or a missing tag', () => {
    const noHost = parseOne('Jan  8 03:37:09 DENY: something', { year: 2023 });
    expect(noHost.host).toBeUndefined();
    expect(noHost.process?.name).toBe('DENY');
    const noTag = parseOne('Jun 28 04:35:30 Abc-A1 just text', { year: 2023 });
    expect(noTag.host?.hostname).toBe('Abc-A1');
    expect(noTag.message).toBe('just text');
  });

  it('strips Solaris message ids', () => {
    const ev = parseOne(
      'Aug 18 07:30:25 192.168.1.5 sshd[20247]: [ID 800047 auth.notice] Failed none for root from 192.168.1.1 port 36942 ssh2',
    );
    expect(ev.event.action).toBe('ssh_login');
    expect(ev.source?.ip).toBe('192.168.1.1');
  });

  it('rolls the configured year over at New Year within a stream', () => {
    const parser = createLineParser({ year: 2023 });
    const stamps = [
      'Dec 31 23:59:58 h p: a',
      'Dec 31 23:59:59 h p: b',
      'Jan  1 00:00:01 h p: c',
      'Jan  1 00:00:02 h p: d',
    ].map((l) => {
      const o = parser.parse(l);
      return o.ok ? o.events[0]?.['@timestamp'] : o.code;
    });
    expect(stamps).toEqual([
      '2023-12-31T23:59:58.000Z',
      '2023-12-31T23:59:59.000Z',
      '2024-01-01T00:00:01.000Z',
      '2024-01-01T00:00:02.000Z',
    ]);
  });

  it('without a year, puts lines just before the reference now (December lines read in January are last year)', () => {
    const jan = { receivedAt: '2024-01-02T00:00:00Z' };
    const parser = createLineParser();
    const dec = parser.parse('Dec 31 23:00:00 h p: a', jan);
    const janLine = parser.parse('Jan  1 23:00:00 h p: a', jan);
    expect(dec.ok && dec.events[0]?.['@timestamp']).toBe('2023-12-31T23:00:00.000Z');
    expect(janLine.ok && janLine.events[0]?.['@timestamp']).toBe('2024-01-01T23:00:00.000Z');
    const lateDec = createLineParser({ now: Date.parse('2023-12-31T23:59:00Z') }).parse(
      'Jan  1 00:00:30 h p: a',
    );
    expect(lateDec.ok && lateDec.events[0]?.['@timestamp']).toBe('2024-01-01T00:00:30.000Z');
  });

  it('reads zone-less timestamps in the configured IANA zone, across daylight saving time', () => {
    const berlin = { year: 2024, timezone: 'Europe/Berlin' };
    expect(parseOne('Jan 15 12:00:00 h p: x', berlin)['@timestamp']).toBe('2024-01-15T11:00:00.000Z');
    expect(parseOne('Jul 15 12:00:00 h p: x', berlin)['@timestamp']).toBe('2024-07-15T10:00:00.000Z');
    expect(parseOne('Jul 15 12:00:00 h p: x', berlin).event.timezone).toBe('Europe/Berlin');
    // An explicit offset wins over the configured zone.
    expect(parseOne('2024-07-15T12:00:00Z h p: x', berlin)['@timestamp']).toBe('2024-07-15T12:00:00.000Z');
  });

  it('sends lines with a broken header timestamp to the dead letter', () => {
    const o = createLineParser({ now: TEST_NOW }).parse('Feb 31x 25:61:00 host prog: x');
    expect(o).toMatchObject({ ok: false, code: 'bad_timestamp' });
  });

  it('rejects an unknown timezone at setup, not per line', () => {
    expect(() => createLineParser({ timezone: 'Mars/Olympus' })).toThrow(/unknown timezone/);
  });
});
