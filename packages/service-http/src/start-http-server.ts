import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@vigil/core';
import { answer, type HealthProbe } from './health-routes.js';

export interface HttpServerHandle {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves `/healthz`, `/readyz` and `/metrics`; resolves once listening. `false` (tests that need no
 * probes) serves nothing and resolves to undefined.
 */
export async function startHttpServer(
  address: { readonly host: string; readonly port: number } | false,
  probe: HealthProbe,
  logger: Logger,
): Promise<HttpServerHandle | undefined> {
  if (address === false) return undefined;
  const { host, port } = address;
  const server: Server = createServer((request, response) => {
    answer(request.method ?? 'GET', request.url ?? '/', probe).then(
      (result) => {
        response.writeHead(result.status, {
          'content-type': result.contentType,
          'cache-control': 'no-store',
        });
        response.end(request.method === 'HEAD' ? undefined : result.body);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'health/metrics request failed');
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('internal error');
      },
    );
  });
  // Probes must not keep a stopping process alive.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  logger.info({ port: bound }, 'health and metrics server listening');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
