import { isRetriable } from '../error/vigil-error.js';

export interface RetryOptions {
  /** Attempts after the first one. */
  readonly retries?: number;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly factor?: number;
  /** 0..1: the share of each delay that is randomized, so many clients do not retry in lockstep. */
  readonly jitter?: number;
  /** Decides whether an error is worth another attempt; by default only retriable VigilErrors. */
  readonly shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** A delay the failure itself asks for (e.g. HTTP Retry-After), in ms; overrides the backoff. */
  readonly delayHint?: (error: unknown) => number | undefined;
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  readonly signal?: AbortSignal;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function backoffDelay(attempt: number, options: RetryOptions = {}): number {
  const initial = options.initialDelayMs ?? 100;
  const max = options.maxDelayMs ?? 30_000;
  const factor = options.factor ?? 2;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(max, initial * factor ** attempt);
  const random = options.random ?? Math.random;
  return Math.round(base * (1 - jitter + jitter * 2 * random()));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The one retry helper: exponential backoff with jitter, honouring a delay hint from the error.
 * Non-retriable errors are rethrown at once; the last error is rethrown when attempts run out.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 5;
  const shouldRetry = options.shouldRetry ?? ((error: unknown) => isRetriable(error));
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= retries || !shouldRetry(error, attempt) || options.signal?.aborted) throw error;
      const hinted = options.delayHint?.(error);
      const delay = hinted ?? backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, delay);
      await wait(delay, options.signal);
    }
  }
}
