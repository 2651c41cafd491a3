import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status the receiver answered with. */
  readonly status: number;
}

export interface Reply {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Hold the answer this long (to provoke client timeouts). */
  readonly delayMs?: number;
}

export type Responder = (request: Omit<ReceivedRequest, 'status'>, index: number) => Reply;

/**
 * A real HTTP server on 127.0.0.1 for tests: records every request with the answer it got, and
 * answers through a replaceable responder (e.g. 503 twice, then 202).
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  responder: Responder;
  private readonly server: Server;

  private constructor(responder: Responder) {
    this.responder = responder;
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        let reply: Reply;
        try {
          reply = this.responder(request, this.requests.length);
        } catch (error) {
          reply = { status: 500, body: (error as Error).message };
        }
        this.requests.push({ ...request, status: reply.status });
        const answer = (): void => {
          if (res.destroyed) return;
          res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
          res.end(reply.body ?? '');
        };
        if (reply.delayMs === undefined) answer();
        else setTimeout(answer, reply.delayMs).unref();
      });
    });
    this.server.keepAliveTimeout = 1000;
  }

  static async start(responder: Responder = () => ({ status: 200, body: 'ok' })): Promise<HttpReceiver> {
    const receiver = new HttpReceiver(responder);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Requests answered with 2xx: what the receiver really accepted. */
  accepted(): ReceivedRequest[] {
    return this.requests.filter((r) => r.status >= 200 && r.status < 300);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
