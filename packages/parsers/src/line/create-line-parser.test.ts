import { describe, expect, it } from 'vitest';
import { eventSchema } from '@vigil/schema';
import { createLineParser } from './create-line-parser.js';
import { MAX_REPEAT } from './syslog-line.js';
import { parseAll, parseOne, TEST_NOW } from '../testing/parse-one.js';

const REPEAT =
  'Dec 10 07:13:56 LabSZ sshd[24227]: message repeated 5 times: [ Failed password for root from 5.36.59.76 port 42393 ssh2]';

describe('createLineParser', () => {
  it('expands "message repeated N times" into N events, so N attempts count as N', () => {
    const events = parseAll(REPEAT, { year: 2024 });
    expect(events).toHaveLength(5);
    expect(events.map((e) => e.vigil.repeat)).toEqual([1, 2, 3, 4, 5].map((index) => ({ index, of: 5 })));
    expect(new Set(events.map((e) => e.event.id)).size).toBe(5);
    for (const e of events) {
      expect(e.event).toMatchObject({ action: 'ssh_login', outcome: 'failure', original: REPEAT });
      expect(e.source?.ip).toBe('5.36.59.76');
    }
  });

  it('caps repeat expansion so a forged count cannot exhaust memory', () => {
    const events = parseAll(
      'Dec 10 07:13:56 h sshd[1]: message repeated 999999999 times: [ Invalid user a from 1.2.3.4]',
      { year: 2024 },
    );
    expect(events).toHaveLength(MAX_REPEAT);
    expect(events[0]?.vigil.repeat).toEqual({ index: 1, of: 999999999 });
  });

  it('gives the same line the same id whatever the Kafka offset, and different ids to different hosts', () => {
    const line =
      'Feb 20 08:35:22 slave22 sshd[5774]: Failed password for root from 89.160.20.156 port 29160 ssh2';
    const a = parseOne(
      line,
      { year: 2024 },
      { origin: { topic: 'vigil.raw.host', partition: 0, offset: '17' } },
    );
    const b = parseOne(
      line,
      { year: 2024 },
      { origin: { topic: 'vigil.raw.host', partition: 3, offset: '99' } },
    );
    expect(a.event.id).toBe(b.event.id);
    expect(a.event.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.vigil.origin).toEqual({ topic: 'vigil.raw.host', partition: 0, offset: '17' });
    expect(parseOne(line, { year: 2024 }, { hostname: 'other' }).event.id).not.toBe(a.event.id);
  });

  it('truncates lines over maxLineBytes (UTF-8 bytes, never splitting a character) and flags them', () => {
    const line = `Jan  2 03:04:05 h prog: ${'é'.repeat(100)}`;
    const ev = parseOne(line, { year: 2024, maxLineBytes: 64 });
    expect(ev.vigil.truncated).toBe(true);
    expect(Buffer.byteLength(ev.event.original)).toBeLessThanOrEqual(64);
    expect(ev.event.original.endsWith('é')).toBe(true);
    expect(parseOne(line, { year: 2024 }).vigil.truncated).toBeUndefined();
  });

  it('skips blank lines and strips CR/LF and a BOM', () => {
    expect(createLineParser().parse('  \r\n')).toEqual({ ok: true, events: [] });
    expect(parseOne('\ufeffJan  2 03:04:05 h p: x\r\n', { year: 2024 }).event.original).toBe(
      'Jan  2 03:04:05 h p: x',
    );
  });

  it('uses the context hostname when the line names none', () => {
    expect(parseOne('2022/05/06 04:53:57 some text', {}, { hostname: 'collector-1' }).host?.hostname).toBe(
      'collector-1',
    );
  });

  it('dead-letters garbage and invalid JSON with a reason, and never throws', () => {
    const parser = createLineParser({ now: TEST_NOW });
    expect(parser.parse('hello world')).toMatchObject({ ok: false, code: 'not_a_log_line' });
    expect(parser.parse('{"a":')).toMatchObject({ ok: false, code: 'invalid_json' });
  });

  it('turns JSON of unknown shape into a dataset "unknown" event', () => {
    const ev = parseOne('{"@timestamp":"2024-03-01T10:00:00Z","message":"hi","level":"info"}');
    expect(ev.event.dataset).toBe('unknown');
    expect(ev['@timestamp']).toBe('2024-03-01T10:00:00.000Z');
    expect(ev.message).toBe('hi');
    const noTime = parseOne('[1,2,3]'.replace('[', '{"x":[').replace(']', ']}'));
    expect(noTime.vigil.timestamp_fallback).toBe(true);
    expect(noTime['@timestamp']).toBe(new Date(TEST_NOW).toISOString());
  });

  it('unwraps Splunk search exports and keeps the whole line as event.original', () => {
    const inner = JSON.stringify({
      ts: 1547188417.857497,
      uid: 'C1',
      'id.orig_h': '10.0.0.1',
      'id.orig_p': 1,
      'id.resp_h': '10.0.0.2',
      'id.resp_p': 53,
      proto: 'udp',
      conn_state: 'SF',
    });
    const line = JSON.stringify({ preview: false, result: { _raw: inner, host: 'x' } });
    const ev = parseOne(line);
    expect(ev.event.dataset).toBe('zeek.connection');
    expect(ev.event.original).toBe(line);
  });

  it('produces events that satisfy the shared event schema', () => {
    for (const line of [
      REPEAT,
      '<13>1 - - - - - -',
      'type=USER_LOGIN msg=audit(1700000000.123:456): pid=1 uid=0 auid=4294967295 msg=\'op=login acct="root" exe="/usr/sbin/sshd" addr=203.0.113.9 terminal=ssh res=failed\'',
    ]) {
      for (const ev of parseAll(line, { year: 2024 })) expect(eventSchema.safeParse(ev).success).toBe(true);
    }
  });
});

describe('event ids of identical lines', () => {
  const line = '198.51.100.77 - - [27/Nov/2026:08:00:01 +0000] "POST /login HTTP/1.1" 429 162 "-" "curl/8"';

  it('gives byte-identical lines in one stream distinct, reproducible ids', () => {
    const ids = (): string[] => {
      const parser = createLineParser();
      return [line, line, line].map((l) => {
        const outcome = parser.parse(l);
        if (!outcome.ok) throw new Error(outcome.reason);
        return outcome.events[0]!.event.id;
      });
    };
    const first = ids();
    expect(new Set(first).size).toBe(3);
    expect(ids()).toEqual(first);
    // The first copy keeps the id a lone line would have.
    const lone = createLineParser().parse(line);
    expect(lone.ok && lone.events[0]!.event.id).toBe(first[0]);
  });

  it('dead-letters a Zeek TSV line before its header with the right code', () => {
    const outcome = createLineParser().parse('1300475167.096535\tCmES5u32sYpV7JYN\t141.142.220.202\t5353');
    expect(outcome).toMatchObject({ ok: false, code: 'zeek_without_header' });
  });
});
