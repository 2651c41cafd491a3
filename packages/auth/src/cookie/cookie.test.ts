import { describe, expect, it } from 'vitest';
import { csrfTokenMatches, newCsrfToken } from '../csrf/csrf.js';
import { clearSessionCookie, readCookie, serializeSessionCookie, SESSION_COOKIE } from './cookie.js';

describe('session cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, host-only', () => {
    expect(serializeSessionCookie('abc_-1')).toBe(
      '__Host-vigil_session=abc_-1; Path=/; HttpOnly; Secure; SameSite=Strict',
    );
    expect(clearSessionCookie()).toBe(
      '__Host-vigil_session=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0',
    );
    expect(() => serializeSessionCookie('a;b')).toThrow();
  });

  it('is read from a Cookie header', () => {
    expect(readCookie(`theme=dark; ${SESSION_COOKIE}=s1; other=x`, SESSION_COOKIE)).toBe('s1');
    expect(readCookie('theme=dark', SESSION_COOKIE)).toBeUndefined();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeUndefined();
  });
});

describe('CSRF tokens', () => {
  it('match only the session token', () => {
    const token = newCsrfToken();
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, newCsrfToken())).toBe(false);
    expect(csrfTokenMatches(token, undefined)).toBe(false);
    expect(csrfTokenMatches(token, '')).toBe(false);
  });
});
