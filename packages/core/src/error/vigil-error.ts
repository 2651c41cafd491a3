/**
 * The one error base class of Vigil (after kafkajs' KafkaJSError): every error says whether
 * retrying can help, carries a stable machine-readable `code`, and keeps its `cause`.
 */
export interface VigilErrorOptions {
  readonly code: string;
  readonly retriable?: boolean;
  readonly cause?: unknown;
}

export class VigilError extends Error {
  readonly code: string;
  readonly retriable: boolean;

  constructor(message: string, options: VigilErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.retriable = options.retriable ?? false;
  }
}

/** Whether an unknown thrown value is worth retrying: only VigilErrors say so explicitly. */
export function isRetriable(error: unknown): boolean {
  return error instanceof VigilError && error.retriable;
}
