import type { estypes } from '@elastic/elasticsearch';
import { isRetriableStatus } from '../error/to-elastic-error.js';
import type { BulkOp, DocOutcome } from './bulk-types.js';

export type ItemOutcome =
  DocOutcome | { readonly kind: 'retry'; readonly reason: string; readonly status: number };

function reasonOf(error: estypes.ErrorCause | undefined): { reason: string; type?: string } {
  if (error === undefined) return { reason: 'unknown error' };
  const parts = [`${error.type}: ${error.reason ?? ''}`.trim()];
  const cause = error.caused_by;
  if (cause?.reason !== undefined && cause.reason !== null)
    parts.push(`caused by ${cause.type}: ${cause.reason}`);
  return { reason: parts.join('; '), type: error.type };
}

/**
 * One bulk response item as an outcome: written, already there (409 on `create`), worth retrying
 * (429 and 5xx: overload or a shard not ready), or refused for good (mapping conflicts and other 4xx).
 */
export function classifyBulkItem(op: BulkOp, item: estypes.BulkResponseItem | undefined): ItemOutcome {
  if (item === undefined) return { kind: 'retry', reason: 'missing from the bulk response', status: 0 };
  const { status } = item;
  if (status >= 200 && status < 300) return { kind: 'indexed' };
  if (status === 409 && op === 'create') return { kind: 'duplicate' };
  const { reason, type } = reasonOf(item.error);
  if (isRetriableStatus(status)) return { kind: 'retry', reason, status };
  return type === undefined
    ? { kind: 'rejected', reason, status }
    : { kind: 'rejected', reason, status, type };
}
