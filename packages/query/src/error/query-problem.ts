/** Why a query was refused, and where: a result, not an exception (bad queries are expected input). */
export interface QueryProblem {
  readonly message: string;
  /** 0-based character offset in the query text, when the problem is at one place. */
  readonly position?: number;
}

export type QueryResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: QueryProblem };

export function problemAt(message: string, position?: number): { ok: false; problem: QueryProblem } {
  return {
    ok: false,
    problem:
      position === undefined ? { message } : { message: `${message} (at position ${position})`, position },
  };
}
