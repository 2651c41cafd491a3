import { VigilError } from '@vigil/core';

/** An HTTP error with the body `{error: {code, message, details}}`: a refusal the caller can act on. */
export class ApiError extends VigilError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message, { code, retriable: status === 429 || status === 503 });
  }

  toBody(): { error: { code: string; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const unauthorized = (message = 'sign in or send an API token'): ApiError =>
  new ApiError(401, 'unauthorized', message);
export const forbidden = (message: string): ApiError => new ApiError(403, 'forbidden', message);
export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', `${what} not found`);
