import { DeliveryError } from './delivery-error.js';
import { parseRetryAfter } from './retry-after.js';

export interface PostOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Names the target in errors instead of the URL (which may hold a secret). */
  readonly target: string;
}

export interface PostResult {
  readonly status: number;
  readonly body: string;
}

const MAX_ERROR_BODY = 300;

/**
 * POSTs a body with Node's fetch (undici) and a timeout. 2xx is success; 429 (with Retry-After),
 * 408, 5xx, timeouts and network errors are retriable DeliveryErrors; other statuses are final.
 */
export async function postBody(
  url: string,
  body: string,
  contentType: string,
  options: PostOptions,
): Promise<PostResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, 'user-agent': 'Vigil-Notifier/0.1', ...options.headers },
      body,
      signal,
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = timeout.aborted && options.signal?.aborted !== true;
    const cause = (error as { cause?: { code?: string } }).cause;
    const detail = timedOut
      ? `timed out after ${options.timeoutMs} ms`
      : (cause?.code ?? (error as Error).name);
    throw new DeliveryError(`${options.target}: request failed: ${detail}`, {
      code: timedOut ? 'TIMEOUT' : 'NETWORK',
      retriable: options.signal?.aborted !== true,
      cause: error,
    });
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { status: response.status, body: text };
  const status = response.status;
  const retriable = status === 429 || status === 408 || status >= 500;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  throw new DeliveryError(`${options.target}: HTTP ${status}: ${text.slice(0, MAX_ERROR_BODY)}`, {
    code: status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`,
    retriable,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

export function postJson(url: string, payload: unknown, options: PostOptions): Promise<PostResult> {
  return postBody(url, JSON.stringify(payload), 'application/json', options);
}
