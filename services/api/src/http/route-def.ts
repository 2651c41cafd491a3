import type { Permission, Principal } from '@vigil/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError } from './api-error.js';

/** Who may call a route: holders of a permission, anyone signed in, or anyone at all. */
export type Access = Permission | 'authenticated' | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface AuditTarget {
  readonly type: string;
  readonly id?: string;
  readonly name?: string;
}

/** What a handler may add to its audit record (logins know the actor only from the body). */
export interface AuditNote {
  actor?: { name: string; roles: string[] };
  mfa?: boolean;
  sessionId?: string;
  reason?: string;
  target?: AuditTarget;
}

export interface RouteContext<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  /** Undefined only on public routes. */
  readonly principal: Principal | undefined;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly audit: AuditNote;
}

export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly status: number;
  /** Audit action name: required on every mutating route. */
  readonly audit?: {
    readonly action: string;
    readonly target: (params: unknown, body: unknown, result: unknown) => AuditTarget;
  };
  readonly schemas: {
    readonly body?: z.ZodType;
    readonly query?: z.ZodType;
    readonly params?: z.ZodType;
    readonly response?: z.ZodType;
  };
  /** The handler writes its own response (Server-Sent Events). */
  readonly stream?: boolean;
  run(
    input: { body: unknown; query: unknown; params: unknown },
    base: Omit<RouteContext<unknown, unknown, unknown>, 'body' | 'query' | 'params'>,
  ): Promise<unknown>;
}

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, R> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  readonly status?: number;
  readonly body?: B;
  readonly query?: Q;
  readonly params?: P;
  readonly response?: z.ZodType;
  readonly stream?: boolean;
  readonly audit?: {
    readonly action: string;
    readonly target: (params: z.infer<P>, body: z.infer<B>, result: unknown) => AuditTarget;
  };
  readonly handler: (ctx: RouteContext<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<R>;
}

function validate(
  schema: z.ZodType | undefined,
  value: unknown,
  where: 'body' | 'query' | 'params',
): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0];
  throw new ApiError(
    400,
    'validation_failed',
    first === undefined ? `invalid ${where}` : `${first.path}: ${first.message}`,
    details,
  );
}

/** A route whose handler sees validated, typed input; the erased `Route` is what the server registers. */
export function defineRoute<
  B extends z.ZodType = z.ZodUnknown,
  Q extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
  R = unknown,
>(spec: RouteSpec<B, Q, P, R>): Route {
  const audit = spec.audit;
  return {
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    tag: spec.tag,
    access: spec.access,
    status: spec.status ?? 200,
    ...(spec.stream === true ? { stream: true } : {}),
    ...(audit === undefined
      ? {}
      : {
          audit: {
            action: audit.action,
            target: (params, body, result) => audit.target(params as z.infer<P>, body as z.infer<B>, result),
          },
        }),
    schemas: {
      ...(spec.body === undefined ? {} : { body: spec.body }),
      ...(spec.query === undefined ? {} : { query: spec.query }),
      ...(spec.params === undefined ? {} : { params: spec.params }),
      ...(spec.response === undefined ? {} : { response: spec.response }),
    },
    run: async (input, base) => {
      const body = validate(spec.body, input.body, 'body') as z.infer<B>;
      const query = validate(spec.query, input.query, 'query') as z.infer<Q>;
      const params = validate(spec.params, input.params, 'params') as z.infer<P>;
      // The audit target from validated input: known before the handler runs (for its failures),
      // refined with its result (the id of what it created) unless the handler named one itself.
      const before = audit?.target(params, body, undefined);
      if (before !== undefined) base.audit.target ??= before;
      const result = await spec.handler({ ...base, body, query, params });
      if (audit !== undefined && base.audit.target === before)
        base.audit.target = audit.target(params, body, result);
      return result;
    },
  };
}

/** The `id` of a handler's result, for audit targets of creations. */
export function resultId(result: unknown): { id?: string } {
  if (typeof result !== 'object' || result === null || !('id' in result) || typeof result.id !== 'string')
    return {};
  return { id: result.id };
}
