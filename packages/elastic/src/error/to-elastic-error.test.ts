import { errors, type DiagnosticResult } from '@elastic/elasticsearch';
import { ConfigError } from '@vigil/core';
import { describe, expect, it } from 'vitest';
import { ElasticConflictError, ElasticError, ElasticUnavailableError } from './elastic-error.js';
import { toElasticError } from './to-elastic-error.js';

function response(statusCode: number, body: unknown): errors.ResponseError {
  return new errors.ResponseError({
    statusCode,
    body,
    headers: {},
    warnings: null,
    meta: {},
  } as unknown as DiagnosticResult);
}

describe('toElasticError', () => {
  it('maps 429 and 5xx answers to retriable unavailability', () => {
    const overloaded = toElasticError(
      response(429, {
        error: { type: 'es_rejected_execution_exception', reason: 'queue full' },
        status: 429,
      }),
      'bulk',
    );
    expect(overloaded).toBeInstanceOf(ElasticUnavailableError);
    expect(overloaded).toMatchObject({ retriable: true, code: 'ES_HTTP_429', status: 429 });
    expect(overloaded.message).toBe('bulk: 429 es_rejected_execution_exception: queue full');
    expect(toElasticError(response(503, { error: 'unavailable' })).retriable).toBe(true);
  });

  it('maps a 409 to a conflict and other 4xx to non-retriable errors with the root cause', () => {
    expect(
      toElasticError(response(409, { error: { type: 'version_conflict_engine_exception' } })),
    ).toBeInstanceOf(ElasticConflictError);
    const bad = toElasticError(
      response(400, {
        error: {
          type: 'mapper_parsing_exception',
          reason: 'failed to parse',
          root_cause: [
            { type: 'mapper_parsing_exception', reason: 'failed to parse field [source.ip] of type [ip]' },
          ],
        },
      }),
    );
    expect(bad).toBeInstanceOf(ElasticError);
    expect(bad).toMatchObject({ retriable: false, esType: 'mapper_parsing_exception', status: 400 });
    expect(bad.message).toContain('source.ip');
  });

  it('maps connection failures and timeouts to retriable errors', () => {
    const refused = toElasticError(new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:1'));
    expect(refused).toMatchObject({ retriable: true, code: 'ES_UNREACHABLE' });
    expect(toElasticError(new errors.TimeoutError('Request timed out'))).toMatchObject({
      code: 'ES_TIMEOUT',
    });
  });

  it('passes VigilErrors through and wraps the rest as client errors', () => {
    const config = new ConfigError('bad');
    expect(toElasticError(config)).toBe(config);
    expect(toElasticError(new Error('boom'))).toMatchObject({ code: 'ES_CLIENT', retriable: false });
  });
});
