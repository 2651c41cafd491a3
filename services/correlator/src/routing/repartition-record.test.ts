import { describe, expect, it } from 'vitest';
import type { ConsumedMessage, OutgoingMessage } from '@vigil/kafka';
import {
  decodeRepartitionRecord,
  eventCopyMessage,
  markerMessage,
  REPARTITION_HEADERS,
} from './repartition-record.js';

/** What a consumer would hand back for a produced message. */
const consumed = (message: OutgoingMessage): ConsumedMessage => ({
  offset: '7',
  key: message.key === undefined || message.key === null ? null : Buffer.from(message.key),
  value: message.value === null ? null : Buffer.from(message.value),
  timestamp: '0',
  headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(v)])),
});

describe('repartition records', () => {
  it('carry an event copy with its family and upstream position, the value untouched', () => {
    const value = Buffer.from('{"event":{"id":"e1"}}');
    const message = eventCopyMessage('source.ip|["1.2.3.4"]', 'source.ip', 4, '18446744073709551615', value);
    expect(message.key).toBe('source.ip|["1.2.3.4"]');
    expect(decodeRepartitionRecord(consumed(message))).toEqual({
      kind: 'event',
      family: 'source.ip',
      upstream: 4,
      upstreamOffset: 18446744073709551615n,
      value,
    });
  });

  it('carry a watermark marker to one partition', () => {
    const marker = {
      marker: 'watermark' as const,
      partitions: 6,
      upstreams: [{ partition: 2, ts: 1_000, idle: false }],
    };
    const message = markerMessage(3, marker);
    expect(message.partition).toBe(3);
    expect(decodeRepartitionRecord(consumed(message))).toEqual({ kind: 'watermark', marker });
  });

  it('say what is wrong with anything else', () => {
    const base = { offset: '1', key: null, timestamp: '0' };
    expect(decodeRepartitionRecord({ ...base, value: Buffer.from('x') })).toContain('unknown vigil-kind');
    expect(
      decodeRepartitionRecord({
        ...base,
        value: Buffer.from('{}'),
        headers: { [REPARTITION_HEADERS.kind]: 'watermark' },
      }),
    ).toBe('watermark marker of unknown shape');
    expect(
      decodeRepartitionRecord({
        ...base,
        value: Buffer.from('{}'),
        headers: { [REPARTITION_HEADERS.kind]: 'event', [REPARTITION_HEADERS.family]: 'f' },
      }),
    ).toBe('event copy without family or upstream');
    expect(decodeRepartitionRecord({ ...base, value: null })).toBe('no value');
  });
});
