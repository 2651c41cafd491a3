import {
  clearSessionCookie,
  readCookie,
  ROLE_PERMISSIONS,
  serializeSessionCookie,
  SESSION_COOKIE,
  type AuthService,
} from '@vigil/auth';
import { z } from 'zod';
import { ApiError, unauthorized } from '../http/api-error.js';
import { defineRoute, type Route } from '../http/route-def.js';
import { okSchema } from '../schemas/common.schema.js';

const loginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'a TOTP code is 6 digits')
    .optional(),
});

const meSchema = z.object({
  name: z.string(),
  role: z.string(),
  kind: z.enum(['user', 'token']),
  mfa: z.boolean(),
  permissions: z.array(z.string()),
  csrfToken: z
    .string()
    .optional()
    .describe('Send back in x-csrf-token on every change (cookie sessions only)'),
});

const LOGIN_MESSAGES = {
  invalid_credentials: 'wrong user name, password or code',
  mfa_required: 'this account needs the 6-digit code from its authenticator app',
} as const;

export function authRoutes(auth: AuthService): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/login',
      summary: 'Sign in to the console: sets the session cookie and returns the CSRF token',
      tag: 'auth',
      access: 'public',
      body: loginBody,
      response: meSchema,
      audit: { action: 'auth.login', target: (_p, body) => ({ type: 'user', name: body.username }) },
      handler: async ({ body, request, reply, audit }) => {
        audit.actor = { name: body.username, roles: [] };
        const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
        const result = await auth.login({
          username: body.username,
          password: body.password,
          ip: request.ip,
          ...(body.totp === undefined ? {} : { totp: body.totp }),
          ...(previous === undefined || previous === '' ? {} : { previousSessionId: previous }),
        });
        if (!result.ok) {
          if (result.reason === 'throttled') {
            const seconds = Math.ceil((result.retryAfterMs ?? 1000) / 1000);
            throw new ApiError(
              429,
              'rate_limited',
              `too many failed sign-ins; retry in ${seconds} s`,
              undefined,
              {
                'retry-after': String(seconds),
              },
            );
          }
          throw new ApiError(401, result.reason, LOGIN_MESSAGES[result.reason]);
        }
        audit.actor = { name: result.user.name, roles: [result.user.role] };
        audit.mfa = result.session.mfa;
        audit.sessionId = result.session.key.slice(0, 32);
        audit.target = { type: 'user', id: result.user.id, name: result.user.name };
        reply.header('set-cookie', serializeSessionCookie(result.sessionId));
        return {
          name: result.user.name,
          role: result.user.role,
          kind: 'user' as const,
          mfa: result.session.mfa,
          permissions: [...ROLE_PERMISSIONS[result.user.role]],
          csrfToken: result.session.csrfToken,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/logout',
      summary: 'Sign out: ends the session',
      tag: 'auth',
      access: 'authenticated',
      response: okSchema,
      audit: { action: 'auth.logout', target: () => ({ type: 'session' }) },
      handler: async ({ request, reply }) => {
        const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
        if (sessionId !== undefined) await auth.logout(sessionId);
        reply.header('set-cookie', clearSessionCookie());
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/auth/password',
      summary: 'Change your own password (console users); your other sessions end',
      tag: 'auth',
      access: 'authenticated',
      body: z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }),
      response: okSchema,
      audit: { action: 'user.password_change', target: () => ({ type: 'user' }) },
      handler: async ({ body, principal, request, audit }) => {
        if (principal?.kind !== 'user') throw new ApiError(400, 'not_a_user', 'API tokens have no password');
        audit.target = { type: 'user', id: principal.id, name: principal.name };
        const result = await auth.changePassword({
          userId: principal.id,
          current: body.current,
          next: body.next,
          ip: request.ip,
          ...(principal.session === undefined ? {} : { keepSessionKey: principal.session.key }),
        });
        if (result === 'throttled')
          throw new ApiError(429, 'rate_limited', 'too many wrong passwords; wait and retry');
        if (result === 'invalid_credentials')
          throw new ApiError(401, 'invalid_credentials', 'the current password is wrong');
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/auth/me',
      summary: 'Who is signed in, with what permissions, and the CSRF token of the session',
      tag: 'auth',
      access: 'authenticated',
      response: meSchema,
      handler: ({ principal }) => {
        if (principal === undefined) return Promise.reject(unauthorized());
        return Promise.resolve({
          name: principal.name,
          role: principal.role,
          kind: principal.kind,
          mfa: principal.mfa,
          permissions: [...ROLE_PERMISSIONS[principal.role]],
          ...(principal.session === undefined ? {} : { csrfToken: principal.session.csrfToken }),
        });
      },
    }),
  ];
}
