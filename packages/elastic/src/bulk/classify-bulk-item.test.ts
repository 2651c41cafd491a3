import { describe, expect, it } from 'vitest';
import { classifyBulkItem } from './classify-bulk-item.js';

describe('classifyBulkItem', () => {
  it('treats 2xx as indexed and a 409 on create as a duplicate', () => {
    expect(classifyBulkItem('create', { _index: 'i', status: 201 })).toEqual({ kind: 'indexed' });
    expect(classifyBulkItem('index', { _index: 'i', status: 200 })).toEqual({ kind: 'indexed' });
    expect(
      classifyBulkItem('create', {
        _index: 'i',
        status: 409,
        error: { type: 'version_conflict_engine_exception', reason: 'document already exists' },
      }),
    ).toEqual({ kind: 'duplicate' });
  });

  it('retries overload and server errors', () => {
    expect(
      classifyBulkItem('create', {
        _index: 'i',
        status: 429,
        error: { type: 'es_rejected_execution_exception', reason: 'full' },
      }),
    ).toEqual({ kind: 'retry', reason: 'es_rejected_execution_exception: full', status: 429 });
    expect(classifyBulkItem('create', { _index: 'i', status: 503 })).toMatchObject({
      kind: 'retry',
      status: 503,
    });
    expect(classifyBulkItem('create', undefined)).toMatchObject({ kind: 'retry' });
  });

  it('rejects mapping conflicts with the reason and its cause', () => {
    const outcome = classifyBulkItem('create', {
      _index: 'i',
      status: 400,
      error: {
        type: 'document_parsing_exception',
        reason: "[1:15] failed to parse field [source.ip] of type [ip] in document with id 'x'",
        caused_by: { type: 'illegal_argument_exception', reason: "'not-an-ip' is not an IP string literal." },
      },
    });
    expect(outcome).toEqual({
      kind: 'rejected',
      status: 400,
      type: 'document_parsing_exception',
      reason:
        "document_parsing_exception: [1:15] failed to parse field [source.ip] of type [ip] in document with id 'x'; caused by illegal_argument_exception: 'not-an-ip' is not an IP string literal.",
    });
  });

  it('rejects a 409 when the write was meant to overwrite', () => {
    expect(
      classifyBulkItem('index', {
        _index: 'i',
        status: 409,
        error: { type: 'version_conflict_engine_exception' },
      }),
    ).toMatchObject({
      kind: 'rejected',
      status: 409,
    });
  });
});
