import { can, type AuditRecord, type AuditSink, type AuthService, type Principal } from '@vigil/auth';
import type { Logger } from '@vigil/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, forbidden } from './api-error.js';
import { authenticate, checkCsrf } from './authenticate.js';
import type { AuditNote, Route } from './route-def.js';

export interface RegisterDeps {
  readonly auth: AuthService;
  readonly audit: AuditSink;
  readonly logger?: Logger;
  readonly now?: () => number;
}

function sessionRef(principal: Principal | undefined, note: AuditNote): { id: string } | undefined {
  // The session's storage key is a hash of the cookie: safe to log, useless to replay.
  const id = note.sessionId ?? principal?.session?.key.slice(0, 32);
  return id === undefined ? undefined : { id };
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return error.code.toLowerCase();
  return 'error';
}

/**
 * Registers routes with the checks every one of them gets, in order: authentication (unless
 * public), CSRF for cookie-authenticated changes, the route's permission, input validation, and —
 * for every change — an audit record of the outcome, success or failure.
 */
export function registerRoutes(app: FastifyInstance, routes: readonly Route[], deps: RegisterDeps): void {
  const now = deps.now ?? Date.now;
  const writeAudit = async (
    route: Route,
    request: FastifyRequest,
    principal: Principal | undefined,
    note: AuditNote,
    outcome: 'success' | 'failure',
    target: AuditRecord['target'],
  ): Promise<void> => {
    const session = sessionRef(principal, note);
    const record: AuditRecord = {
      '@timestamp': new Date(now()).toISOString(),
      vigil_audit: 1,
      actor:
        note.actor ??
        (principal === undefined
          ? { name: 'anonymous', roles: [] }
          : { name: principal.name, roles: [principal.role] }),
      action: route.audit?.action ?? `${route.method} ${route.path}`,
      target,
      source: { ip: request.ip },
      mfa: note.mfa ?? principal?.mfa ?? false,
      outcome,
      ...(session === undefined ? {} : { session }),
      request: { method: request.method, path: request.url.split('?')[0] ?? request.url },
      ...(note.reason === undefined ? {} : { reason: note.reason }),
    };
    try {
      await deps.audit.write(record);
    } catch (error) {
      deps.logger?.error({ err: error, action: record.action }, 'audit write failed');
    }
  };

  for (const route of routes) {
    const mutating = route.method !== 'GET';
    if (mutating && route.audit === undefined)
      throw new Error(`${route.method} ${route.path} changes state but has no audit action`);
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        let principal: Principal | undefined;
        const note: AuditNote = {};
        let result: unknown;
        try {
          if (route.access !== 'public') {
            principal = await authenticate(request, deps.auth);
            if (mutating) checkCsrf(request, principal);
            if (route.access !== 'authenticated' && !can(principal.role, route.access)) {
              throw forbidden(`the ${principal.role} role may not do this (needs ${route.access})`);
            }
          }
          result = await route.run(
            { body: request.body, query: request.query, params: request.params },
            { principal, request, reply, audit: note },
          );
        } catch (error) {
          if (mutating) {
            note.reason ??= reasonOf(error);
            const target = note.target ?? safeTarget(route, request);
            await writeAudit(route, request, principal, note, 'failure', target);
          }
          throw error;
        }
        if (mutating) {
          const target = note.target ?? { type: 'unknown' };
          await writeAudit(route, request, principal, note, 'success', target);
        }
        if (route.stream === true) return reply;
        return reply.code(route.status).send(result);
      },
    });
  }
}

/** The audit target from raw input, for failures (where validation may not have passed). */
function safeTarget(route: Route, request: FastifyRequest): AuditRecord['target'] {
  try {
    const raw: unknown = route.audit?.target(request.params, request.body ?? {}, undefined);
    if (typeof raw !== 'object' || raw === null) return { type: 'unknown' };
    // Raw input may hold anything: keep only short strings.
    const pick = (value: unknown): string | undefined =>
      typeof value === 'string' ? value.slice(0, 200) : undefined;
    const { type, id, name } = raw as Record<string, unknown>;
    const target: { type: string; id?: string; name?: string } = { type: pick(type) ?? 'unknown' };
    const safeId = pick(id);
    const safeName = pick(name);
    if (safeId !== undefined) target.id = safeId;
    if (safeName !== undefined) target.name = safeName;
    return target;
  } catch {
    return { type: 'unknown' };
  }
}
