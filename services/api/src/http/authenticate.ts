import {
  CSRF_HEADER,
  csrfTokenMatches,
  readCookie,
  SESSION_COOKIE,
  type AuthService,
  type Principal,
} from '@vigil/auth';
import type { FastifyRequest } from 'fastify';
import { ApiError, unauthorized } from './api-error.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,200})$/;

/** The caller of a request: a bearer token (machines) or the session cookie (the console). */
export async function authenticate(request: FastifyRequest, auth: AuthService): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (match?.[1] === undefined) throw unauthorized('the Authorization header must be "Bearer <token>"');
    const result = await auth.authenticateToken(match[1], request.ip);
    if (result === undefined) throw unauthorized('the API token is not valid (unknown, revoked or expired)');
    if ('throttledMs' in result) {
      const seconds = Math.ceil(result.throttledMs / 1000);
      throw new ApiError(
        429,
        'rate_limited',
        `too many bad tokens from this address; retry in ${seconds} s`,
        undefined,
        {
          'retry-after': String(seconds),
        },
      );
    }
    return result;
  }
  const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (sessionId !== undefined && sessionId !== '') {
    const principal = await auth.authenticateSession(sessionId);
    if (principal !== undefined) return principal;
    throw unauthorized('the session has expired or was signed out; sign in again');
  }
  throw unauthorized();
}

/**
 * Cookie-authenticated changes must carry the session's CSRF token in `x-csrf-token`: a page on
 * another site can make the browser send the cookie, but it cannot read the token.
 */
export function checkCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.session === undefined) return;
  const presented = request.headers[CSRF_HEADER];
  if (!csrfTokenMatches(principal.session.csrfToken, typeof presented === 'string' ? presented : undefined)) {
    throw new ApiError(
      403,
      'csrf_failed',
      `missing or wrong ${CSRF_HEADER} header (get it from GET /api/v1/auth/me)`,
    );
  }
}
