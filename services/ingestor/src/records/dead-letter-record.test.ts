import { deadLetterSchema } from '@vigil/schema';
import { describe, expect, it } from 'vitest';
import { deadLetter, deadLetterRecord, type DeadLetterInput } from './dead-letter-record.js';

const origin = { topic: 'vigil.raw.host', partition: 3, offset: '42' };
const at = Date.UTC(2026, 10, 27, 8, 0, 0);

function input(original: Buffer | null): DeadLetterInput {
  return {
    code: 'not_a_log_line',
    reason: 'not a log line',
    stage: 'parse',
    origin,
    original,
    timestampMs: at,
  };
}

describe('deadLetter', () => {
  it('matches deadLetterSchema, keeps UTF-8 text as is and takes Kafka time as its time', () => {
    const record = deadLetter(input(Buffer.from('garbage ✓')), 1024);
    expect(deadLetterSchema.parse(record)).toEqual({
      '@timestamp': '2026-11-27T08:00:00.000Z',
      reason: 'not a log line',
      code: 'not_a_log_line',
      stage: 'parse',
      origin,
      original: 'garbage ✓',
      encoding: 'utf8',
    });
  });

  it('stores bytes that are not UTF-8 as base64, byte for byte', () => {
    const bytes = Buffer.from([0x00, 0xff, 0xc3, 0x28, 0x80, 0x41]);
    const record = deadLetter(input(bytes), 1024);
    expect(record.encoding).toBe('base64');
    expect(Buffer.from(record.original, 'base64').equals(bytes)).toBe(true);
    expect(deadLetterSchema.safeParse(record).success).toBe(true);
  });

  it('keeps at most maxBytes of a huge original, cut on a character boundary, and says how big it was', () => {
    const bytes = Buffer.from(`${'a'.repeat(1023)}é${'b'.repeat(5000)}`);
    const record = deadLetter(input(bytes), 1024);
    expect(record.original).toBe('a'.repeat(1023));
    expect(record.original_truncated).toBe(true);
    expect(record.original_bytes).toBe(bytes.length);
    const binary = Buffer.alloc(4096, 0xff);
    const cut = deadLetter(input(binary), 1024);
    expect(Buffer.from(cut.original, 'base64')).toHaveLength(1024);
  });

  it('records a tombstone as an empty original', () => {
    expect(deadLetter(input(null), 1024)).toMatchObject({ original: '', encoding: 'utf8' });
  });
});

describe('deadLetterRecord', () => {
  it('is keyed by its origin and carries code and stage headers', () => {
    const record = deadLetterRecord(input(Buffer.from('x')), 1024);
    expect(record.key).toBe('vigil.raw.host/3/42');
    expect(record.headers).toEqual({ 'vigil-dead-letter-code': 'not_a_log_line', 'vigil-stage': 'parse' });
    expect(JSON.parse(record.value as string)).toMatchObject({ original: 'x', origin });
  });
});
