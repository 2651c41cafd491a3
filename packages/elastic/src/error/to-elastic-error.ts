import { VigilError } from '@vigil/core';
import { errors } from '@elastic/elasticsearch';
import { ElasticConflictError, ElasticError, ElasticUnavailableError } from './elastic-error.js';

/** HTTP statuses worth retrying: overload and server-side failures. */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function describeCause(body: unknown): { type?: string; reason?: string } {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  if (typeof error === 'string') return { reason: error };
  if (typeof error !== 'object' || error === null) return {};
  const cause = error as {
    type?: unknown;
    reason?: unknown;
    root_cause?: { type?: unknown; reason?: unknown }[];
  };
  const root = cause.root_cause?.[0];
  const type = typeof cause.type === 'string' ? cause.type : undefined;
  const reason =
    typeof root?.reason === 'string'
      ? root.reason
      : typeof cause.reason === 'string'
        ? cause.reason
        : undefined;
  return { ...(type === undefined ? {} : { type }), ...(reason === undefined ? {} : { reason }) };
}

/** Maps what the Elasticsearch client throws to ElasticError subclasses; VigilErrors pass through. */
export function toElasticError(error: unknown, doing?: string): VigilError {
  if (error instanceof VigilError) return error;
  const prefix = doing === undefined ? '' : `${doing}: `;
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 0;
    const { type, reason } = describeCause(error.body);
    const message = `${prefix}${status} ${type ?? 'error'}${reason === undefined ? '' : `: ${reason}`}`;
    const options = { status, cause: error, ...(type === undefined ? {} : { esType: type }) };
    if (status === 409)
      return new ElasticConflictError(message, { ...options, code: 'ES_CONFLICT', retriable: false });
    if (isRetriableStatus(status)) {
      return new ElasticUnavailableError(message, { ...options, code: `ES_HTTP_${status}`, retriable: true });
    }
    return new ElasticError(message, { ...options, code: `ES_HTTP_${status}`, retriable: false });
  }
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return new ElasticUnavailableError(`${prefix}${error.message}`, {
      code: error instanceof errors.TimeoutError ? 'ES_TIMEOUT' : 'ES_UNREACHABLE',
      retriable: true,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ElasticError(`${prefix}${message}`, { code: 'ES_CLIENT', retriable: false, cause: error });
}
