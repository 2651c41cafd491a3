import { VigilError } from '@vigil/core';
import type { QueryProblem } from './query-problem.js';

/** A refused query or search request, for callers that prefer to throw (the API maps it to 400). */
export class QueryError extends VigilError {
  readonly position: number | undefined;

  constructor(problem: QueryProblem) {
    super(problem.message, { code: 'QUERY_INVALID', retriable: false });
    this.position = problem.position;
  }
}
