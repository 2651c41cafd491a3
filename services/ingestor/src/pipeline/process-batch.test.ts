import { createLineParser } from '@vigil/parsers';
import { deadLetterSchema, eventSchema, type VigilEvent } from '@vigil/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processBatch, type RawBatch } from './process-batch.js';

const KAFKA_MS = Date.UTC(2026, 10, 27, 9, 0, 0);
const SSHD = 'Nov 27 08:00:01 web-01 sshd[123]: Failed password for root from 1.2.3.4 port 22 ssh2';
const REPEAT =
  'Nov 27 08:00:02 web-01 sshd[124]: message repeated 4 times: [ Failed password for root from 5.6.7.8 port 2222 ssh2]';
const NGINX = '10.0.0.9 - - [27/Nov/2026:08:00:03 +0000] "GET /login HTTP/1.1" 200 512 "-" "curl/8.5.0"';
const ZEEK = [
  '#separator \\x09',
  '#path\tconn',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum',
  '1795766400.000000\tCabc1\t10.0.0.5\t51000\t10.0.0.10\t22\ttcp',
];

function batch(
  values: readonly (string | Buffer | null)[],
  topic = 'vigil.raw.host',
  role: RawBatch['role'] = 'host',
): RawBatch {
  return {
    topic,
    partition: 2,
    role,
    messages: values.map((value, i) => ({
      offset: String(100 + i),
      value: typeof value === 'string' ? Buffer.from(value) : value,
      timestamp: String(KAFKA_MS + i),
    })),
  };
}

const options = { deadLetterMaxBytes: 64 * 1024 };
const run = (b: RawBatch) => processBatch(b, createLineParser({ timezone: 'UTC' }), options);
const events = (out: ReturnType<typeof run>): VigilEvent[] =>
  out.events.map((m) => JSON.parse(m.value as string) as VigilEvent);
const letters = (out: ReturnType<typeof run>) =>
  out.deadLetters.map((m) => deadLetterSchema.parse(JSON.parse(m.value as string)));

describe('processBatch', () => {
  it('turns lines into schema-valid, keyed events with origin, ingest time and headers', () => {
    const out = run(batch([SSHD, NGINX], 'vigil.raw.network', 'network'));
    const [ssh, web] = events(out);
    for (const e of [ssh, web]) expect(eventSchema.safeParse(e).success).toBe(true);
    expect(ssh).toMatchObject({
      '@timestamp': '2026-11-27T08:00:01.000Z',
      event: {
        dataset: 'system.auth',
        outcome: 'failure',
        ingested: '2026-11-27T09:00:00.000Z',
        original: SSHD,
      },
      source: { ip: '1.2.3.4' },
      vigil: { origin: { topic: 'vigil.raw.network', partition: 2, offset: '100' } },
    });
    expect(web?.event.dataset).toBe('nginx.access');
    expect(out.events.map((m) => m.key)).toEqual(['1.2.3.4', '10.0.0.9']);
    const headers = Object.entries(out.events[0]?.headers ?? {}).map(([k, v]) => [k, v.toString()]);
    expect(headers).toEqual([
      ['vigil-dataset', 'system.auth'],
      ['vigil-schema-version', '1'],
    ]);
    expect(out.stats).toMatchObject({ lines: 2, events: 2, linesWithoutEvents: 0 });
    expect(Object.fromEntries(out.stats.eventsByDataset)).toEqual({ 'system.auth': 1, 'nginx.access': 1 });
  });

  it('expands "message repeated N times" into N events with distinct ids, all keyed alike', () => {
    const out = run(batch([REPEAT]));
    const list = events(out);
    expect(list).toHaveLength(4);
    expect(new Set(list.map((e) => e.event.id)).size).toBe(4);
    expect(list.map((e) => e.vigil.repeat)).toEqual([1, 2, 3, 4].map((index) => ({ index, of: 4 })));
    expect(new Set(out.events.map((m) => m.key))).toEqual(new Set(['5.6.7.8']));
    expect(out.stats).toMatchObject({ lines: 1, events: 4 });
  });

  it('is deterministic: the same batch gives byte-identical records after a restart', () => {
    const values = [SSHD, REPEAT, NGINX, 'garbage', ...ZEEK];
    const first = run(batch(values));
    const second = run(batch(values));
    expect(second.events.map((m) => m.value)).toEqual(first.events.map((m) => m.value));
    expect(second.deadLetters.map((m) => m.value)).toEqual(first.deadLetters.map((m) => m.value));
  });

  it('uses the envelope host and receive time', () => {
    const envelope = JSON.stringify({ line: NGINX, host: 'web-07', received_at: '2026-11-27T08:00:04Z' });
    const [event] = events(run(batch([envelope], 'vigil.raw.network', 'network')));
    expect(event?.host?.hostname).toBe('web-07');
    expect(event?.event.original).toBe(NGINX);
  });

  it('follows Zeek TSV headers within the partition: header lines give no event and no dead letter', () => {
    const out = run(batch(ZEEK, 'vigil.raw.network', 'network'));
    expect(out.stats).toMatchObject({ lines: 5, events: 1, linesWithoutEvents: 4 });
    expect(events(out)[0]).toMatchObject({
      event: { dataset: 'zeek.connection' },
      source: { ip: '10.0.0.5' },
    });
  });

  it('dead-letters what cannot be parsed, keeping the original bytes (base64 when not UTF-8)', () => {
    const binary = Buffer.from([0x00, 0x9f, 0xff, 0x10, 0xc3]);
    const out = run(batch([binary, '{}', '{"eventVersion": "1.08", "eventSo', 'hello world', null]));
    expect(out.events).toHaveLength(0);
    const list = letters(out);
    expect(list.map((d) => [d.stage, d.code])).toEqual([
      ['parse', 'not_a_log_line'],
      ['ingest', 'empty_message'],
      ['parse', 'invalid_json'],
      ['parse', 'not_a_log_line'],
      ['ingest', 'empty_message'],
    ]);
    expect(list[0]).toMatchObject({
      encoding: 'base64',
      origin: { topic: 'vigil.raw.host', partition: 2, offset: '100' },
    });
    expect(Buffer.from(list[0]!.original, 'base64').equals(binary)).toBe(true);
    expect(list[2]).toMatchObject({ original: '{"eventVersion": "1.08", "eventSo', encoding: 'utf8' });
    expect(Object.fromEntries(out.stats.deadLettersByCode)).toEqual({
      not_a_log_line: 2,
      empty_message: 2,
      invalid_json: 1,
    });
  });

  it('parses a line that is not valid UTF-8 and flags its events', () => {
    const bytes = Buffer.concat([
      Buffer.from('Nov 27 08:00:01 web-01 sshd[9]: Invalid user '),
      Buffer.from([0xe9, 0x74, 0xe9]),
      Buffer.from(' from 9.9.9.9 port 1 '),
    ]);
    const [event] = events(run(batch([bytes])));
    expect(event).toMatchObject({ source: { ip: '9.9.9.9' }, vigil: { invalid_utf8: true } });
  });

  it('cuts a 1 MB line to the parser limit, flags it, and keeps the dead letter under its limit', () => {
    const huge = `Nov 27 08:00:01 web-01 app[1]: ${'x'.repeat(1024 * 1024)}`;
    const out = run(batch([huge, 'y'.repeat(1024 * 1024)]));
    const [event] = events(out);
    expect(event?.vigil.truncated).toBe(true);
    expect(Buffer.byteLength(event!.event.original)).toBeLessThanOrEqual(64 * 1024);
    const [letter] = out.deadLetters;
    expect(Buffer.byteLength(letter!.value as string)).toBeLessThan(70 * 1024);
    expect(JSON.parse(letter!.value as string)).toMatchObject({
      original_truncated: true,
      original_bytes: 1024 * 1024,
    });
    expect(out.stats.truncated).toBe(1);
  });

  it('accounts for every message: events + dead letters + header lines = messages in (property)', () => {
    const value = fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(SSHD, REPEAT, NGINX, '{}', '', '{"line":', ...ZEEK),
      fc.string({ maxLength: 60 }).map((s) => Buffer.from(s)),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (values) => {
        const out = run(batch(values));
        const repeats = events(out).filter((e) => (e.vigil.repeat?.index ?? 1) > 1).length;
        const lineOutputs =
          out.events.length - repeats + out.deadLetters.length + out.stats.linesWithoutEvents;
        expect(lineOutputs).toBe(values.length);
        expect(out.stats.lines).toBe(values.length);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
