import { VigilError } from '@vigil/core';

/**
 * One failed delivery attempt. `retriable` follows the protocol (429, 5xx, timeouts and network
 * errors are; other 4xx are not); `retryAfterMs` carries the receiver's own delay request.
 * Messages never contain URLs or keys: webhook URLs and routing keys are secrets.
 */
export class DeliveryError extends VigilError {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { code: string; retriable: boolean; status?: number; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { code: options.code, retriable: options.retriable, cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
