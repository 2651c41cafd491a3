import { AuthError, ROLES, type AuthService } from '@vigil/auth';
import { z } from 'zod';
import { ApiError, notFound } from '../http/api-error.js';
import { defineRoute, resultId, type Route } from '../http/route-def.js';
import { idParams } from '../schemas/common.schema.js';

const userOut = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  mfa: z.boolean(),
  disabled: z.boolean(),
  created_at: z.string(),
});

const tokenOut = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string().optional(),
});

/** Policy and name problems are the caller's to fix (400); a taken name is a conflict (409). */
function asApiError(error: unknown): unknown {
  if (!(error instanceof AuthError)) return error;
  return new ApiError(error.code === 'USER_EXISTS' ? 409 : 400, error.code.toLowerCase(), error.message);
}

export function adminRoutes(auth: AuthService): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/users',
      summary: 'Console users',
      tag: 'admin',
      access: 'users:manage',
      response: z.object({ users: z.array(userOut) }),
      handler: async () => ({
        users: (await auth.listUsers()).map((user) => ({
          id: user.id,
          name: user.name,
          role: user.role,
          mfa: user.totpSecret !== undefined,
          disabled: user.disabled,
          created_at: user.createdAt,
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/users',
      summary: 'Create a console user; admins get a TOTP secret, shown once',
      tag: 'admin',
      access: 'users:manage',
      status: 201,
      body: z.strictObject({
        name: z.string().min(2).max(64),
        role: z.enum(ROLES),
        password: z.string().min(1).max(1024),
      }),
      response: userOut.extend({ totp_secret: z.string().optional(), otpauth_uri: z.string().optional() }),
      audit: { action: 'user.create', target: (_p, body) => ({ type: 'user', name: body.name }) },
      handler: async ({ body }) => {
        let created: Awaited<ReturnType<AuthService['createUser']>>;
        try {
          created = await auth.createUser(body);
        } catch (error) {
          throw asApiError(error);
        }
        const { user } = created;
        return {
          id: user.id,
          name: user.name,
          role: user.role,
          mfa: user.totpSecret !== undefined,
          disabled: user.disabled,
          created_at: user.createdAt,
          ...(created.totpSecret === undefined ? {} : { totp_secret: created.totpSecret }),
          ...(created.otpauthUri === undefined ? {} : { otpauth_uri: created.otpauthUri }),
        };
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/users/:id',
      summary: 'Delete a console user and end their sessions',
      tag: 'admin',
      access: 'users:manage',
      params: idParams,
      response: z.object({ ok: z.literal(true) }),
      audit: { action: 'user.delete', target: (params) => ({ type: 'user', id: params.id }) },
      handler: async ({ params }) => {
        if (!(await auth.deleteUser(params.id))) throw notFound(`user ${params.id}`);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/tokens',
      summary: 'API tokens (never their secrets)',
      tag: 'admin',
      access: 'tokens:manage',
      response: z.object({ tokens: z.array(tokenOut) }),
      handler: async () => ({
        tokens: (await auth.listTokens()).map((token) => ({
          id: token.id,
          name: token.name,
          role: token.role,
          created_by: token.createdBy,
          created_at: token.createdAt,
          ...(token.expiresAt === undefined ? {} : { expires_at: token.expiresAt }),
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/tokens',
      summary: 'Create an API token for a machine; the token is in this response only',
      tag: 'admin',
      access: 'tokens:manage',
      status: 201,
      body: z.strictObject({
        name: z.string().min(1).max(100),
        role: z.enum(ROLES),
        expires_at: z.iso.datetime({ offset: true }).optional(),
      }),
      response: tokenOut.extend({ token: z.string().describe('Shown once: store it now') }),
      audit: {
        action: 'token.create',
        target: (_p, body, result) => ({
          type: 'token',
          name: body.name,
          ...resultId(result),
        }),
      },
      handler: async ({ body, principal }) => {
        const { token, record } = await auth.createToken({
          name: body.name,
          role: body.role,
          createdBy: principal?.name ?? 'anonymous',
          ...(body.expires_at === undefined ? {} : { expiresAt: body.expires_at }),
        });
        return {
          id: record.id,
          name: record.name,
          role: record.role,
          created_by: record.createdBy,
          created_at: record.createdAt,
          ...(record.expiresAt === undefined ? {} : { expires_at: record.expiresAt }),
          token,
        };
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/v1/tokens/:id',
      summary: 'Revoke an API token',
      tag: 'admin',
      access: 'tokens:manage',
      params: idParams,
      response: z.object({ ok: z.literal(true) }),
      audit: { action: 'token.revoke', target: (params) => ({ type: 'token', id: params.id }) },
      handler: async ({ params }) => {
        if (!(await auth.revokeToken(params.id))) throw notFound(`token ${params.id}`);
        return { ok: true as const };
      },
    }),
  ];
}
