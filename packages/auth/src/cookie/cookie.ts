/**
 * The session cookie. The `__Host-` prefix makes browsers refuse it unless it is Secure, has
 * Path=/ and no Domain, so no sibling subdomain can plant or overwrite it.
 */
export const SESSION_COOKIE = '__Host-vigil_session';

export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. Omitted: a browser-session cookie. */
  readonly maxAgeSeconds?: number;
}

const VALUE = /^[A-Za-z0-9_-]*$/;

/** `Set-Cookie` value for the session: HttpOnly (no script can read it), Secure, SameSite=Strict. */
export function serializeSessionCookie(value: string, options: CookieOptions = {}): string {
  if (!VALUE.test(value)) throw new Error('session cookie values are base64url');
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined)
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join('; ');
}

export function clearSessionCookie(): string {
  return serializeSessionCookie('', { maxAgeSeconds: 0 });
}

/** Reads one cookie from a `Cookie` header; the first occurrence wins, as browsers send the most specific first. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return undefined;
}
