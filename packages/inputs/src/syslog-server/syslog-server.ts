import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LineSplitter } from '../line-splitter/line-splitter.js';

export interface SyslogMessage {
  readonly line: string;
  readonly transport: 'udp' | 'tcp';
  readonly remoteAddress: string;
  readonly receivedAt: number;
}

export interface SyslogServerOptions {
  readonly host?: string;
  /** 0 picks a free port; undefined disables that transport. */
  readonly udpPort?: number;
  readonly tcpPort?: number;
  readonly maxMessageChars?: number;
  /** Closes idle TCP connections so a silent peer cannot hold a socket forever. */
  readonly tcpIdleTimeoutMs?: number;
  readonly onMessage: (message: SyslogMessage) => void;
}

export interface SyslogServer {
  readonly udpPort: number | undefined;
  readonly tcpPort: number | undefined;
  close(): Promise<void>;
}

/**
 * Receives syslog over UDP (RFC 5426: one message per datagram) and TCP (RFC 6587: octet-counted
 * `LEN SP MSG` frames, or newline-delimited — detected per frame from its first byte).
 * Binds to 127.0.0.1 unless told otherwise: exposing a log listener is the operator's choice.
 */
export async function startSyslogServer(options: SyslogServerOptions): Promise<SyslogServer> {
  const host = options.host ?? '127.0.0.1';
  const max = options.maxMessageChars ?? 65_536;
  let udp: Socket | undefined;
  let tcp: Server | undefined;
  const sockets = new Set<TcpSocket>();

  if (options.udpPort !== undefined) {
    const socket = createSocket('udp4');
    udp = socket;
    socket.on('message', (msg, rinfo) => {
      const text = msg.toString('utf8', 0, Math.min(msg.length, max * 4)).replace(/\r?\n$/, '');
      for (const line of text.split('\n')) {
        if (line.length > 0) {
          options.onMessage({
            line: line.slice(0, max),
            transport: 'udp',
            remoteAddress: rinfo.address,
            receivedAt: Date.now(),
          });
        }
      }
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.udpPort, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
  }

  if (options.tcpPort !== undefined) {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.setTimeout(options.tcpIdleTimeoutMs ?? 300_000, () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      const framer = new OctetOrLineFramer(max);
      const remoteAddress = socket.remoteAddress ?? 'unknown';
      socket.on('data', (chunk: Buffer) => {
        for (const line of framer.push(chunk)) {
          if (line.length > 0)
            options.onMessage({ line, transport: 'tcp', remoteAddress, receivedAt: Date.now() });
        }
      });
      socket.on('end', () => {
        for (const line of framer.end()) {
          if (line.length > 0)
            options.onMessage({ line, transport: 'tcp', remoteAddress, receivedAt: Date.now() });
        }
      });
    });
    tcp = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.tcpPort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  return {
    udpPort: udp === undefined ? undefined : udp.address().port,
    tcpPort: tcp === undefined ? undefined : (tcp.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        udp === undefined ? undefined : new Promise<void>((resolve) => udp.close(() => resolve())),
        tcp === undefined ? undefined : new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

/** RFC 6587 framing: a frame starting with a digit is octet-counted, anything else ends at LF. */
export class OctetOrLineFramer {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly lines: LineSplitter;

  constructor(private readonly maxChars: number) {
    this.lines = new LineSplitter(maxChars);
  }

  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: string[] = [];
    for (;;) {
      const firstByte = this.buffer[0];
      if (firstByte === undefined) break;
      if (firstByte >= 0x31 && firstByte <= 0x39) {
        const space = this.buffer.indexOf(0x20);
        if (space === -1 || space > 7) {
          if (space === -1 && this.buffer.length <= 7) break;
          // Not a valid length prefix: treat the rest as newline-delimited.
          out.push(...this.lines.push(this.buffer));
          this.buffer = Buffer.alloc(0);
          break;
        }
        const length = Number(this.buffer.toString('ascii', 0, space));
        if (this.buffer.length < space + 1 + length) break;
        const message = this.buffer.toString('utf8', space + 1, space + 1 + length);
        out.push(message.replace(/\r?\n$/, '').slice(0, this.maxChars));
        this.buffer = this.buffer.subarray(space + 1 + length);
        continue;
      }
      const nl = this.buffer.indexOf(0x0a);
      if (nl === -1) {
        if (this.buffer.length > this.maxChars * 4) {
          out.push(...this.lines.push(this.buffer));
          this.buffer = Buffer.alloc(0);
        }
        break;
      }
      out.push(...this.lines.push(this.buffer.subarray(0, nl + 1)));
      this.buffer = this.buffer.subarray(nl + 1);
    }
    return out;
  }

  end(): string[] {
    const rest = this.buffer.length > 0 ? this.lines.push(this.buffer) : [];
    this.buffer = Buffer.alloc(0);
    return [...rest, ...this.lines.end()];
  }
}
