import { VigilError } from '@vigil/core';

/** A condition string that does not parse; `position` is the 0-based offset of the problem. */
export class ConditionSyntaxError extends VigilError {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at column ${position + 1}`, { code: 'SIGMA_CONDITION_SYNTAX', retriable: false });
  }
}
