import { describe, expect, it } from 'vitest';
import type { HeaderStore } from '../stream-state/header-store.js';
import { StreamParsers } from './stream-parsers.js';

const HEADER = [
  '#separator \\x09',
  '#path\tconn',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto',
];
const RECORD = '1795766400.000000\tCabc1\t10.0.0.5\t51000\t10.0.0.10\t22\ttcp';
const SETTINGS = { timezone: 'UTC', maxLineBytes: 65_536 };

/** A header store in memory (the service uses Redis). */
function memoryHeaders(): HeaderStore & { readonly saved: Map<string, readonly string[]> } {
  const saved = new Map<string, readonly string[]>();
  return {
    saved,
    load: (topic, partition) => Promise.resolve(saved.get(`${topic}/${String(partition)}`)),
    save: (topic, partition, lines) => {
      saved.set(`${topic}/${String(partition)}`, lines);
      return Promise.resolve();
    },
  };
}

describe('StreamParsers', () => {
  it('keeps one parser, with its own stream state, per topic and partition', async () => {
    const parsers = new StreamParsers(SETTINGS);
    const p0 = await parsers.open('raw', 0);
    expect(await parsers.open('raw', 0)).toBe(p0);
    for (const line of HEADER) p0.parser.parse(line);
    expect(p0.parser.parse(RECORD).ok).toBe(true);
    // The Zeek header seen on partition 0 says nothing about partition 1 or another topic.
    expect((await parsers.open('raw', 1)).parser.parse(RECORD)).toMatchObject({ ok: false });
    expect((await parsers.open('other', 0)).parser.parse(RECORD)).toMatchObject({ ok: false });
    expect(parsers.size).toBe(3);
  });

  it('forgets revoked partitions: without a header store one that comes back starts fresh', async () => {
    const parsers = new StreamParsers(SETTINGS);
    const before = await parsers.open('raw', 0);
    for (const line of HEADER) before.parser.parse(line);
    parsers.drop([{ topic: 'raw', partition: 0 }]);
    expect(parsers.size).toBe(0);
    expect((await parsers.open('raw', 0)).parser.parse(RECORD)).toMatchObject({
      ok: false,
      code: 'zeek_without_header',
    });
  });

  it('with a header store, a partition picked up again starts with the header last kept for it', async () => {
    const headers = memoryHeaders();
    const first = new StreamParsers(SETTINGS, headers);
    const stream = await first.open('raw', 0);
    for (const line of HEADER) {
      stream.parser.parse(line);
      stream.trail.header(line);
    }
    await first.keep('raw', 0, stream);
    expect(headers.saved.get('raw/0')).toEqual(HEADER);
    // Unchanged since: nothing is written again.
    headers.saved.clear();
    await first.keep('raw', 0, stream);
    expect(headers.saved.size).toBe(0);

    await headers.save('raw', 0, HEADER);
    const next = new StreamParsers(SETTINGS, headers);
    expect((await next.open('raw', 0)).parser.parse(RECORD).ok).toBe(true);
    expect((await next.open('raw', 1)).parser.parse(RECORD).ok).toBe(false);
  });

  it('parses on when the header store fails', async () => {
    const broken: HeaderStore = {
      load: () => Promise.reject(new Error('redis away')),
      save: () => Promise.reject(new Error('redis away')),
    };
    const parsers = new StreamParsers(SETTINGS, broken);
    const stream = await parsers.open('raw', 0);
    stream.trail.header(HEADER[0] ?? '');
    await expect(parsers.keep('raw', 0, stream)).resolves.toBeUndefined();
    expect(stream.parser.parse('Jul  1 12:00:00 h sshd[1]: Invalid user a from 1.2.3.4 port 5').ok).toBe(
      true,
    );
  });

  it('applies the configured year and zone to RFC 3164 timestamps', async () => {
    const parsers = new StreamParsers({ timezone: 'Europe/Berlin', year: 2024, maxLineBytes: 65_536 });
    const outcome = (await parsers.open('raw', 0)).parser.parse(
      'Jul  1 12:00:00 h sshd[1]: Invalid user a from 1.2.3.4 port 5',
    );
    expect(outcome.ok && outcome.events[0]?.['@timestamp']).toBe('2024-07-01T10:00:00.000Z');
  });
});
