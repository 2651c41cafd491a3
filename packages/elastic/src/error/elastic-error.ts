import { VigilError } from '@vigil/core';

/** An Elasticsearch failure; `status` is the HTTP status when Elasticsearch answered. */
export class ElasticError extends VigilError {
  readonly status: number | undefined;
  /** Elasticsearch's error type, e.g. `mapper_parsing_exception`. */
  readonly esType: string | undefined;

  constructor(
    message: string,
    options: { code: string; retriable: boolean; cause?: unknown; status?: number; esType?: string },
  ) {
    super(message, { code: options.code, retriable: options.retriable, cause: options.cause });
    this.status = options.status;
    this.esType = options.esType;
  }
}

/** Elasticsearch is unreachable, overloaded (429) or failing (5xx): retry later, nothing was lost. */
export class ElasticUnavailableError extends ElasticError {}

/** A version conflict (409): the document exists already, or changed since it was read. */
export class ElasticConflictError extends ElasticError {}
