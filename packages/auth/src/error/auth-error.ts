import { VigilError } from '@vigil/core';

/** A refused credential or a misuse of the auth API (never retriable: the same call fails the same way). */
export class AuthError extends VigilError {
  constructor(message: string, code: string) {
    super(message, { code, retriable: false });
  }
}
