import { describe, expect, it } from 'vitest';
import { IndexNames } from '@vigil/elastic';
import { toBulkDocument } from './to-bulk-document.js';

const names = new IndexNames('vigil');
const bytes = (value: unknown): Buffer =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('toBulkDocument', () => {
  it('writes an event by its event.id into the daily index of its own @timestamp', () => {
    const event = { '@timestamp': '2026-11-27T23:59:59.999Z', event: { id: 'e1', dataset: 'system.auth' } };
    expect(toBulkDocument('events', bytes(event), names)).toEqual({
      ok: true,
      doc: { index: 'vigil-events-2026.11.27', id: 'e1', op: 'create', document: event },
    });
  });

  it('writes an alert by its id (idempotent create)', () => {
    const alert = { id: 'a'.repeat(32), '@timestamp': '2026-11-28T00:00:00+01:00', kind: 'alert' };
    const result = toBulkDocument('alerts', bytes(alert), names);
    expect(result).toMatchObject({
      ok: true,
      doc: { index: 'vigil-alerts-2026.11.27', id: alert.id, op: 'create' },
    });
  });

  it('returns what cannot be indexed as data, with a code for the dead letter', () => {
    expect(toBulkDocument('events', null, names)).toMatchObject({ ok: false, code: 'invalid_document' });
    expect(toBulkDocument('events', bytes('{oops'), names)).toMatchObject({
      ok: false,
      code: 'invalid_json',
    });
    expect(toBulkDocument('events', bytes([1, 2]), names)).toMatchObject({
      ok: false,
      reason: 'not a JSON object',
    });
    expect(
      toBulkDocument('events', bytes({ '@timestamp': '2026-11-27T00:00:00Z', event: {} }), names),
    ).toMatchObject({
      ok: false,
      reason: 'no usable event.id',
    });
    expect(toBulkDocument('alerts', bytes({ id: 'x', '@timestamp': 'yesterday' }), names)).toMatchObject({
      ok: false,
      reason: 'no valid @timestamp',
    });
  });
});
