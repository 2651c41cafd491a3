import { AuthError } from '@vigil/auth';
import type { Logger } from '@vigil/core';
import { QueryError } from '@vigil/query';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

/** Maps every thrown error to `{error: {code, message, details}}`; internals are logged, never sent. */
export function errorHandler(logger: Logger | undefined) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    let api: ApiError;
    if (error instanceof ApiError) api = error;
    else if (error instanceof QueryError) {
      api = new ApiError(
        400,
        'invalid_query',
        error.message,
        error.position === undefined ? undefined : { position: error.position },
      );
    } else if (error instanceof AuthError) api = new ApiError(400, error.code.toLowerCase(), error.message);
    else if (
      'statusCode' in error &&
      typeof error.statusCode === 'number' &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      // Fastify's own refusals: bad JSON, wrong content type, body too large.
      const code =
        typeof error.code === 'string' ? error.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request';
      api = new ApiError(error.statusCode, code, error.message);
    } else {
      logger?.error({ err: error, method: request.method, url: request.url }, 'request failed');
      api = new ApiError(500, 'internal', 'internal error; the server log has the details');
    }
    for (const [name, value] of Object.entries(api.headers)) reply.header(name, value);
    return reply.code(api.status).send(api.toBody());
  };
}
