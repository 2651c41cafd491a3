import type { AuthService } from '@vigil/auth';
import type { Logger } from '@vigil/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../http/api-error.js';
import { errorHandler } from '../http/error-handler.js';
import { buildOpenApi } from '../http/openapi.js';
import { registerRoutes } from '../http/register-routes.js';
import { defineRoute, type Route } from '../http/route-def.js';
import { safeJson } from '../http/safe-json.js';
import { securityHeaders } from '../http/security-headers.js';
import { LiveHub } from '../live/live-hub.js';
import type { ApiPorts } from '../ports/api-ports.js';
import { adminRoutes } from '../routes/admin.routes.js';
import { authRoutes } from '../routes/auth.routes.js';
import { incidentRoutes } from '../routes/incident.routes.js';
import { liveRoutes } from '../routes/live.routes.js';
import { ruleRoutes } from '../routes/rule.routes.js';
import { searchRoutes } from '../routes/search.routes.js';
import { silenceRoutes } from '../routes/silence.routes.js';
import { registerConsole } from './register-console.js';

export interface ApiOptions {
  readonly auth: AuthService;
  readonly ports: ApiPorts;
  readonly logger?: Logger;
  /** Fastify's trustProxy: true, or comma-separated addresses of the proxies whose X-Forwarded-For to believe. */
  readonly trustProxy?: boolean | string;
  /** Send Strict-Transport-Security (when served over HTTPS). */
  readonly hsts?: boolean;
  readonly liveBufferSize?: number;
  /** The built SOC console (`console/dist`), served at `/`. */
  readonly consoleDir?: string;
  readonly now?: () => number;
}

export interface Api {
  readonly app: FastifyInstance;
  readonly routes: readonly Route[];
  readonly hub: LiveHub;
}

/** The HTTP API on its ports: call `app.listen()` to serve, or `app.inject()` in tests. */
export async function buildApi(options: ApiOptions): Promise<Api> {
  const hsts = options.hsts ?? false;
  const base = { trustProxy: options.trustProxy ?? false, bodyLimit: 1024 * 1024, return503OnClosing: true };
  const loggerInstance: FastifyBaseLogger | undefined = options.logger;
  const app: FastifyInstance =
    loggerInstance === undefined ? Fastify({ ...base, logger: false }) : Fastify({ ...base, loggerInstance });
  const hub = new LiveHub(options.ports.live, options.liveBufferSize ?? 1000);
  const live = liveRoutes(hub, { hsts });
  const routes: Route[] = [
    ...authRoutes(options.auth),
    ...searchRoutes(options.ports.search),
    ...incidentRoutes(options.ports.incidents, options.ports.search),
    ...silenceRoutes(options.ports.silences, options.now),
    ...ruleRoutes(options.ports.rules),
    ...adminRoutes(options.auth),
    ...live.routes,
  ];
  const meta: Route[] = [
    defineRoute({
      method: 'GET',
      path: '/api/v1/health',
      summary: 'Liveness',
      tag: 'meta',
      access: 'public',
      response: z.object({ status: z.literal('ok') }),
      handler: () => Promise.resolve({ status: 'ok' as const }),
    }),
  ];
  // Built on first request: the schema conversion is not free and most processes never serve it.
  let openapi: Record<string, unknown> | undefined;
  meta.push(
    defineRoute({
      method: 'GET',
      path: '/api/v1/openapi.json',
      summary: 'This API, described in OpenAPI 3.1',
      tag: 'meta',
      access: 'public',
      handler: () => {
        openapi ??= buildOpenApi(allRoutes, { title: 'Vigil API', version: '1' });
        return Promise.resolve(openapi);
      },
    }),
  );

  const allRoutes = [...routes, ...meta];
  const headers = securityHeaders(hsts);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(headers);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.setReplySerializer((payload) => safeJson(payload));
  app.setErrorHandler(errorHandler(options.logger));
  app.addHook('preClose', (done) => {
    live.closeAll();
    hub.close();
    done();
  });
  registerRoutes(app, allRoutes, {
    auth: options.auth,
    audit: options.ports.audit,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const serveConsole =
    options.consoleDir === undefined ? undefined : await registerConsole(app, options.consoleDir);
  app.setNotFoundHandler((request, reply) => {
    if (serveConsole !== undefined && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return serveConsole(request, reply);
    }
    const error = new ApiError(
      404,
      'not_found',
      `no route ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
    return reply.code(404).send(error.toBody());
  });
  return { app, routes: allRoutes, hub };
}
