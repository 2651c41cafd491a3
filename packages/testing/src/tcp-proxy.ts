import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** `127.0.0.1:<port>` the proxy listens on (the same port across stop/start). */
  readonly port: number;
  /** Simulates an outage: drops every connection and refuses new ones. */
  stop(): Promise<void>;
  /** Ends the outage: accepts connections again on the same port. */
  start(): Promise<void>;
}

/**
 * A loopback TCP proxy in front of a real service (Redis, Elasticsearch), so a test can cut its own
 * connection to the service and restore it without touching the service or other tests.
 */
export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client);
        sockets.add(upstream);
        const drop = (): void => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as AddressInfo).port;
        server = next;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const current = server;
        server = undefined;
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (current === undefined) resolve();
        else current.close(() => resolve());
      }),
    start: () => (server === undefined ? listen() : Promise.resolve()),
  };
}
